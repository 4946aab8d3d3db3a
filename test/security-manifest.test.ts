import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FOLDER = join(ROOT, 'test', 'fixtures', 'adversarial', 'security');

interface Case {
  fixture?: string;
  attack: string;
  must_not: string;
  test: string;
}
const manifest = JSON.parse(readFileSync(join(FOLDER, 'manifest.json'), 'utf8')) as {
  cases: Case[];
  generated: Case[];
};

describe('security attacks manifest (test/fixtures/adversarial/security/manifest.json)', () => {
  it('lists every fixture in the folder exactly once', () => {
    const present = readdirSync(FOLDER)
      .filter((f) => f !== 'manifest.json')
      .sort();
    expect(manifest.cases.map((c) => c.fixture).sort()).toEqual(present);
  });

  it('says for every attack what it must not achieve, and names a test file that exists', () => {
    for (const entry of [...manifest.cases, ...manifest.generated]) {
      expect(entry.must_not.length, entry.attack).toBeGreaterThan(10);
      expect(existsSync(join(ROOT, entry.test)), entry.test).toBe(true);
    }
  });
});
