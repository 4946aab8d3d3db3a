import { readTextBounded } from './files.js';
import { writeFileAtomic } from './atomic.js';
import { MAX_JSON_BYTES } from './json.js';
import { aggPowerPatch } from '../core/power.js';
import { patchMembers, readTopLevelObject, renderTopLevelObject } from '../core/jsonmembers.js';
import type { Findings } from '../core/reasons.js';
import { INSIGHT_AGG_KEYS } from '../core/insights/aggfigures.js';

/**
 * Rewrites the power fields of an agg JSON in place (atomically), keeping every other member byte
 * for byte. Returns false, with a finding, when the file is missing, not an object or unwritable.
 */
export async function patchAggPower(
  aggResult: string,
  valid: boolean,
  metrics: Partial<Record<string, number>>,
  findings: Findings,
  extra: Array<[string, string]> = [],
): Promise<boolean> {
  const aggText = await readTextBounded(aggResult, MAX_JSON_BYTES, true).catch((error: NodeJS.ErrnoException) => error);
  if (aggText instanceof Error) {
    const missing = aggText.code === 'ENOENT' || aggText.code === 'ENOTDIR';
    findings.add(
      missing ? 'aggregate_result_missing' : 'aggregate_result_unwritable',
      missing
        ? `${aggResult}: no such file. Run process-result first, or give the agg JSON it wrote as the agg-result option.`
        : `${aggResult}: cannot be read (${aggText.message}).`,
    );
    return false;
  }
  const members = readTopLevelObject(aggText);
  if (!members.ok) {
    findings.add(
      'aggregate_result_unwritable',
      `${aggResult}: ${members.error}; the file was left unchanged. Regenerate it with process-result.`,
    );
    return false;
  }
  try {
    const patch = aggPowerPatch(valid, metrics);
    // Opt-in insight figures are written only on request: every patch clears those of an earlier run.
    for (const key of INSIGHT_AGG_KEYS) patch.remove.add(key);
    await writeFileAtomic(
      aggResult,
      renderTopLevelObject(patchMembers(members.members, patch.remove, [...patch.set, ...(valid ? extra : [])])),
    );
    return true;
  } catch (error) {
    findings.add(
      'aggregate_result_unwritable',
      `${aggResult}: cannot be written (${(error as Error).message}); the previous file is intact.`,
    );
    return false;
  }
}
