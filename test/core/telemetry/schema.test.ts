import { describe, expect, it } from 'vitest';
import { detectSchema, probeHeader } from '../../../src/core/telemetry/schema.js';

describe('detectSchema', () => {
  it('reads an nvidia-smi header in any case and spacing, keeping the trimmed names', () => {
    expect(detectSchema([' Timestamp', ' Index ', ' Power.Draw [W] '])).toEqual({
      format: 'nvidia-smi',
      header: ['Timestamp', 'Index', 'Power.Draw [W]'],
      timestampIndex: 0,
      powerIndex: 2,
      gpuIndex: 1,
    });
  });

  it('calls a header with socket_power anywhere amd-smi', () => {
    expect(detectSchema(['timestamp', 'gpu', 'current_socket_power'])?.format).toBe('amd-smi');
  });

  it('calls any other header with a time and a power column generic', () => {
    expect(detectSchema(['time', 'card', 'power'])).toMatchObject({
      format: 'generic-csv',
      gpuIndex: 1,
      powerIndex: 2,
    });
  });

  it('finds columns in the first place of the header too', () => {
    expect(detectSchema(['power.draw [W]', 'timestamp'])).toMatchObject({
      powerIndex: 0,
      timestampIndex: 1,
      gpuIndex: -1,
    });
    expect(probeHeader(['index', 'timestamp', 'power']).gpuIndex).toBe(0);
    expect(probeHeader(['power.draw [W]', 'timestamp', 'power.draw.instant [W]']).powerIndex).toBe(0);
  });

  it('has no schema without a time column or without a power column', () => {
    expect(detectSchema(['date', 'index', 'power.draw [W]'])).toBeUndefined();
    expect(detectSchema(['timestamp', 'index', 'watts'])).toBeUndefined();
  });
});

describe('probeHeader: the power column', () => {
  it.each([
    ['power.draw [W] over power.draw.average [W]', ['timestamp', 'power.draw.average [W]', 'power.draw [W]'], 2],
    ['bare power.draw', ['timestamp', 'power.draw.average', 'power.draw'], 2],
    [
      'power.draw.instant over power.draw.average',
      ['timestamp', 'power.draw.average [W]', 'power.draw.instant [W]'],
      2,
    ],
    ['socket_power over average_socket_power', ['timestamp', 'average_socket_power', 'socket_power'], 2],
    [
      'current_socket_power over average_socket_power',
      ['timestamp', 'average_socket_power', 'current_socket_power'],
      2,
    ],
    ['average_socket_power over other power columns', ['timestamp', 'gpu power', 'average_socket_power'], 2],
    ['power (W) over other power columns', ['time', 'power (W) avg', 'power (W)'], 2],
    ['bare power over other power columns', ['time', 'board power', 'power'], 2],
    ['the first power column otherwise', ['time', 'board power', 'gpu power'], 1],
    // Each preferred name is the whole column name (or its start), in any spacing before the unit.
    ['power.draw[W] without a blank', ['timestamp', 'power.draw.average [W]', 'power.draw[W]'], 2],
    ['power.draw [W] over a name that ends with it', ['timestamp', 'psu_power.draw [W]', 'power.draw [W]'], 2],
    [
      'power.draw.instant over a name that contains it',
      ['timestamp', 'psu_power.draw.instant', 'power.draw.instant [W]'],
      2,
    ],
    [
      'current_socket_power over a name that contains it',
      ['timestamp', 'gpu power', 'card_current_socket_power', 'current_socket_power'],
      3,
    ],
    [
      'average_socket_power over a name that contains it',
      ['timestamp', 'gpu power', 'card_average_socket_power', 'average_socket_power'],
      3,
    ],
    ['power(W) without a blank', ['time', 'board power', 'power(W)'], 2],
  ])('prefers %s', (_name, header, powerIndex) => {
    expect(probeHeader(header).powerIndex).toBe(powerIndex);
  });

  it.each([
    'power limit',
    'power cap',
    'max power',
    'min power',
    'power management',
    'power state',
    'power profile',
    'enforced power',
    'default power',
  ])('skips %j, which is not a measured draw', (column) => {
    expect(probeHeader(['time', column, 'board power']).powerIndex).toBe(2);
  });

  it('has no power column when every power column is a setting', () => {
    expect(probeHeader(['time', 'power.limit [W]', 'enforced.power.limit [W]']).powerIndex).toBe(-1);
  });
});

describe('probeHeader: the GPU column', () => {
  it.each(['index', 'gpu', 'gpu_id', 'gpu_index', 'gpu id', 'gpu index', 'card', 'device', 'device_id'])(
    'finds %j',
    (name) => {
      expect(probeHeader(['time', 'power', ` ${name.toUpperCase()} `]).gpuIndex).toBe(2);
    },
  );

  it('prefers index over gpu, and gpu over device', () => {
    expect(probeHeader(['time', 'gpu', 'index', 'power']).gpuIndex).toBe(2);
    expect(probeHeader(['time', 'device', 'gpu', 'power']).gpuIndex).toBe(2);
  });

  it('does not take a column that only contains a GPU word', () => {
    expect(probeHeader(['time', 'gpu_name', 'power']).gpuIndex).toBe(-1);
  });

  it('takes the first column naming time', () => {
    expect(probeHeader(['gpu', 'Timestamp', 'elapsed_time', 'power']).timestampIndex).toBe(1);
  });
});
