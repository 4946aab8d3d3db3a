import { describe, expect, it } from 'vitest';
import {
  addedLinkProblem,
  isCanonicalLink,
  isPlaceholder,
  PLACEHOLDER,
  pullRequestUrl,
} from '../../../src/core/changelog/prlink.js';

const REPO = 'SemiAnalysisAI/InferenceX';

describe('pullRequestUrl', () => {
  it('builds the pull-request page address', () => {
    expect(pullRequestUrl(REPO, 42)).toBe('https://github.com/SemiAnalysisAI/InferenceX/pull/42');
    expect(pullRequestUrl('o/r', '<number>')).toBe('https://github.com/o/r/pull/<number>');
  });
});

describe('isCanonicalLink', () => {
  it('accepts exactly https://github.com/<repo>/pull/<digits>', () => {
    expect(isCanonicalLink(`https://github.com/${REPO}/pull/1798`, REPO)).toBe(true);
  });

  it.each([
    [`http://github.com/${REPO}/pull/1`, 'plain http'],
    [`https://github.com/${REPO}/pull/1/`, 'a trailing slash'],
    [`https://github.com/${REPO}/pull/1#issuecomment-2`, 'a fragment'],
    [` https://github.com/${REPO}/pull/1`, 'a leading space'],
    [`https://github.com/${REPO}/pull/`, 'no number'],
    [`https://github.com/${REPO}/pull/12a`, 'a number with letters'],
    [`https://github.com/${REPO}/issues/1`, 'an issue'],
    ['https://github.com/other/repo/pull/1', 'another repository'],
    [`https://github.com/${REPO}/pull/XXX`, 'the placeholder'],
    [`https://www.github.com/${REPO}/pull/1`, 'another host'],
  ])('refuses %s (%s)', (link) => {
    expect(isCanonicalLink(link, REPO)).toBe(false);
  });

  it('takes the repository name literally, not as a pattern', () => {
    // Unescaped, the '.' of 'o/r.x' would match the 'a' of 'o/rax'.
    expect(isCanonicalLink('https://github.com/o/r.x/pull/1', 'o/r.x')).toBe(true);
    expect(isCanonicalLink('https://github.com/o/rax/pull/1', 'o/r.x')).toBe(false);
    expect(isCanonicalLink('https://github.com/o/rr/pull/1', 'o/r+')).toBe(false);
  });
});

describe('isPlaceholder', () => {
  it('is the bare XXX or the pull-request address with XXX', () => {
    expect(PLACEHOLDER).toBe('XXX');
    expect(isPlaceholder('XXX', REPO)).toBe(true);
    expect(isPlaceholder(`https://github.com/${REPO}/pull/XXX`, REPO)).toBe(true);
    expect(isPlaceholder('xxx', REPO)).toBe(false);
    expect(isPlaceholder('https://github.com/other/repo/pull/XXX', REPO)).toBe(false);
    expect(isPlaceholder(`https://github.com/${REPO}/pull/1`, REPO)).toBe(false);
  });
});

describe('addedLinkProblem', () => {
  describe('on the main branch (no pull-request number)', () => {
    const main = { repo: REPO };

    it('accepts any canonical link of the repository', () => {
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/7`, main)).toBeUndefined();
    });

    it('refuses the placeholder: the entry must link its pull request', () => {
      expect(addedLinkProblem('XXX', main)).toBe(
        'new main-branch entry has invalid pr-link: "XXX"; it is the placeholder, and on the main branch a new entry must link its pull request: https://github.com/SemiAnalysisAI/InferenceX/pull/<number>.',
      );
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/XXX`, main)).toContain('it is the placeholder');
    });

    it('refuses any other text, quoted as JSON', () => {
      expect(addedLinkProblem('https://github.com/other/repo/pull/7\n', main)).toBe(
        'new main-branch entry has invalid pr-link: "https://github.com/other/repo/pull/7\\n"; it is not a pull-request link of SemiAnalysisAI/InferenceX; on the main branch a new entry must use https://github.com/SemiAnalysisAI/InferenceX/pull/<number>.',
      );
    });
  });

  describe('on a pull request', () => {
    const pr = { repo: REPO, prNumber: 42 };
    const lead =
      'new PR entry must use https://github.com/SemiAnalysisAI/InferenceX/pull/42 or an XXX placeholder (which the merge fills in); found';

    it('accepts its own link and the placeholder in either form', () => {
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/42`, pr)).toBeUndefined();
      expect(addedLinkProblem('XXX', pr)).toBeUndefined();
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/XXX`, pr)).toBeUndefined();
    });

    it('names the other pull request a link of this repository points at', () => {
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/41`, pr)).toBe(
        `${lead} "https://github.com/SemiAnalysisAI/InferenceX/pull/41": it points at pull request #41, but this change is pull request #42.`,
      );
    });

    it('names the other repository a link points at', () => {
      expect(addedLinkProblem('https://github.com/fork/InferenceX/pull/42', pr)).toBe(
        `${lead} "https://github.com/fork/InferenceX/pull/42": it points at fork/InferenceX, but this repository is SemiAnalysisAI/InferenceX.`,
      );
    });

    it('quotes anything else as it is', () => {
      expect(addedLinkProblem('#42', pr)).toBe(`${lead} "#42".`);
      expect(addedLinkProblem('see https://github.com/fork/InferenceX/pull/42', pr)).toBe(
        `${lead} "see https://github.com/fork/InferenceX/pull/42".`,
      );
      expect(addedLinkProblem(`https://github.com/${REPO}/pull/42/files`, pr)).toBe(
        `${lead} "https://github.com/SemiAnalysisAI/InferenceX/pull/42/files".`,
      );
    });
  });
});
