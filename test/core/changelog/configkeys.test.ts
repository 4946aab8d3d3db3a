import { describe, expect, it } from 'vitest';
import { expandConfigKey, readMasterConfigKeys } from '../../../src/core/changelog/configkeys.js';
import { closestNames, globDistance } from '../../../src/core/changelog/suggest.js';

describe('config-key patterns', () => {
  const keys = ['dsr1-fp8-h200-sglang', 'dsr1-fp8-h200-sglang-mtp', 'dsr1-fp4-b200-trt', 'gptoss-fp4-b200-dynamo-trt'];

  it('matches the whole key, with * spanning any characters including dashes', () => {
    expect(expandConfigKey('dsr1-fp8-*', keys)).toEqual(['dsr1-fp8-h200-sglang', 'dsr1-fp8-h200-sglang-mtp']);
    expect(expandConfigKey('*-trt', keys)).toEqual(['dsr1-fp4-b200-trt', 'gptoss-fp4-b200-dynamo-trt']);
    expect(expandConfigKey('dsr1-fp8-h200-sglang', keys)).toEqual(['dsr1-fp8-h200-sglang']);
    expect(expandConfigKey('dsr1-fp8-h200', keys)).toEqual([]);
    expect(expandConfigKey('dsr1-fp.-*', keys)).toEqual([]);
  });

  it('measures distance with * free, so near-miss globs find their keys', () => {
    expect(globDistance('dsr1-fp8-*-sglang', 'dsr1-fp8-h200-sglang')).toBe(0);
    expect(globDistance('dsr1-fp9-*-sglang', 'dsr1-fp8-h200-sglang')).toBe(1);
    expect(closestNames('dsr1-fp8-h20-sglang', keys)).toEqual(['dsr1-fp8-h200-sglang']);
    expect(closestNames('dsr1-fp8-*-sglng', keys)).toEqual(['dsr1-fp8-h200-sglang']);
    expect(closestNames('qwen3', keys)).toEqual([]);
  });
});

describe('master config keys', () => {
  it('reads top-level keys, quoted or plain, and skips nested lines, comments and document markers', () => {
    const read = readMasterConfigKeys([
      {
        file: 'a.yaml',
        text: '---\n# comment\n"quoted-key": 1\nplain-key:\n  nested: 2\n  list:\n  - x\n\'single\': 3\n',
      },
    ]);
    expect([...read.keys.keys()]).toEqual(['quoted-key', 'plain-key', 'single']);
    expect(read.problems).toEqual([]);
  });

  it('reports keys with * and lines at column 1 that are not keys', () => {
    const read = readMasterConfigKeys([{ file: 'a.yaml', text: 'ok:\n  x: 1\nbad-*:\n  x: 1\n- item\n' }]);
    expect(read.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:1', '5:1']);
  });
});
