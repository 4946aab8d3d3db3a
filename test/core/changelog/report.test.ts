import { describe, expect, it } from 'vitest';
import { renderChangelogReport } from '../../../src/core/changelog/report.js';

describe('renderChangelogReport', () => {
  it('renders hostile changelog text inert: no link, mention, image, HTML or table break', () => {
    const hostile = '[click](https://evil.example) ![x](y) @octocat <img src=x onerror=1> a|b\nsecond line #12';
    const markdown = renderChangelogReport({
      file: 'perf-changelog.yaml',
      ok: false,
      problems: [
        {
          file: 'perf-changelog.yaml',
          line: 3,
          column: 5,
          code: 'invalid_field',
          message: `description "${hostile}" is wrong`,
        },
      ],
      newEntries: [
        {
          line: 3,
          index: 0,
          entry: {
            configKeys: ['<b>k</b>'],
            description: [hostile],
            prLink: 'https://evil.example/pull/1',
            evalsOnly: false,
            allEvals: false,
            appendOnly: false,
          },
          expanded: [{ pattern: '<b>k</b>', keys: [] }],
        },
      ],
      corrections: 0,
      triggeredConfigs: [],
      annotated: 1,
    }).join('\n');
    expect(markdown).not.toMatch(/\]\(/); // no [text](url) link or image
    expect(markdown).not.toMatch(/<img|<b>/);
    expect(markdown).not.toMatch(/@octocat/); // a word joiner follows every @
    expect(markdown).not.toMatch(/https:\/\//); // no bare autolink
    expect(markdown).not.toMatch(/ #12/);
    // Each table row stays one line with its own number of unescaped cell separators.
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    const separators = (row: string) => row.replace(/\\\|/g, '').split('|').length - 1;
    expect(rows.map(separators)).toEqual([3, 3, 7, 7]);
  });
});
