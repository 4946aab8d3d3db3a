import { describe, expect, it } from 'vitest';
import {
  checkRoleTopology,
  deviceKey,
  expectedRoles,
  type ExpectedDevice,
  type WorkerRole,
} from '../../../src/core/multinode/index.js';

const device = (hostname: string, gpuIndex: number, role: WorkerRole, het: number | null): ExpectedDevice => ({
  hostname,
  gpuIndex,
  roles: [role],
  hetGroups: [het],
});
const rolesOf = (devices: ExpectedDevice[]): Map<string, WorkerRole> =>
  new Map(devices.map((d) => [deviceKey(d.hostname, d.gpuIndex), d.roles[0] as WorkerRole]));

describe('expectedRoles', () => {
  it('takes the roles from the GPU split; an aggregated run labelled "agg" keeps that label', () => {
    expect([...expectedRoles(2, 4, new Map())]).toEqual([
      ['prefill', 2],
      ['decode', 4],
    ]);
    expect([...expectedRoles(4, 0, new Map([['a', 'prefill']]))]).toEqual([['prefill', 4]]);
    expect([...expectedRoles(4, 0, new Map([['a', 'agg']]))]).toEqual([['agg', 4]]);
    // With a decode pool an "agg" label is not the split's: it stays prefill, and the check then fails.
    expect([...expectedRoles(2, 2, new Map([['a', 'agg']]))]).toEqual([
      ['prefill', 2],
      ['decode', 2],
    ]);
  });
});

describe('checkRoleTopology', () => {
  it('accepts each role in its own het group, and refuses roles that share one', () => {
    const own = [device('p', 0, 'prefill', 0), device('d', 0, 'decode', 1)];
    expect(
      checkRoleTopology(
        own,
        rolesOf(own),
        new Map([
          ['prefill', 1],
          ['decode', 1],
        ]),
      ),
    ).toEqual([]);
    const shared = [device('p', 0, 'prefill', 0), device('d', 0, 'decode', 0)];
    expect(
      checkRoleTopology(
        shared,
        rolesOf(shared),
        new Map([
          ['prefill', 1],
          ['decode', 1],
        ]),
      ),
    ).toEqual(['roles share a het group']);
  });

  it('counts GPUs per role against the split', () => {
    const devices = [device('p', 0, 'prefill', null), device('p', 1, 'prefill', null)];
    expect(checkRoleTopology(devices, rolesOf(devices), new Map([['prefill', 3]]))).toEqual([
      'expected 3 prefill GPUs, the manifest assigns 2',
    ]);
  });
});
