import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without type declarations
import { releaseNotes } from '../../scripts/release-notes.mjs';

const CHANGELOG = `# Changelog

## [Unreleased]
- not released yet

## [1.2.0] - 2026-12-01
### Added
- baseline comparison

## [1.1.0] - 2026-11-30
### Fixed
- a fix

[Unreleased]: https://example.invalid/compare/v1.2.0...HEAD
[1.2.0]: https://example.invalid/releases/tag/v1.2.0
`;

describe('release notes', () => {
  it('takes the section of one version, up to the next heading', () => {
    expect(releaseNotes(CHANGELOG, '1.2.0')).toBe('### Added\n- baseline comparison');
  });

  it('stops the last section at the link references', () => {
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('### Fixed\n- a fix');
  });

  it('finds no section for a version that is not there, nor for a prefix of one', () => {
    expect(releaseNotes(CHANGELOG, '1.0.0')).toBeUndefined();
    expect(releaseNotes(CHANGELOG, '1.2')).toBeUndefined();
  });

  it('the repository changelog has a section for the package version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect(releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version)).toMatch(/\S/);
  });

  it('refuses a tag that disagrees with package.json', () => {
    const run = spawnSync(process.execPath, ['scripts/release-notes.mjs', 'v99.0.0'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the tag says 99.0.0');
  });
});
