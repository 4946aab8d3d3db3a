/**
 * Nameplate board power by GPU name, used only when the telemetry has no power-limit column.
 * Patterns are tried in order, so specific variants (PCIe, NVL) come before the SXM default.
 *
 * Sources (looked up for this table; vendor documents where the search index held them):
 * - H100 PCIe 350 W: NVIDIA H100 PCIe product brief PB-11133-001_v02 ("maximum thermal design power
 *   (TDP) level of 350 W"), mirrored at manuals.plus.
 * - H100 SXM 700 W, H200 SXM 700 W, H200 NVL/PCIe 600 W, B200 1000 W, A100 SXM 400 W: vendor spec
 *   tables as quoted by huggingface.co/hardware/h100 and /h200, hmc-tech.com (A100 SXM vs B200),
 *   saulelectric.com (H200 TGP 700 W SXM / 600 W PCIe).
 * - H100 NVL 400 W: top of its configurable 350-400 W range (gpu.blog H100 NVL page).
 * - MI300X 750 W: AMD OAM rating as reported by meterpreter.org and inkl.com (June 2023).
 * - MI350X 1000 W, MI355X 1400 W: AMD at ISC 2025, reported by tomshardware.com.
 * - MI325X 1000 W: yobitel.com's MI325X knowledge-base page ("TDP ~1,000 W" against the MI300X's 750 W) and
 *   awesomeagents.ai's MI325X spec table; no AMD data sheet was in the search index.
 */

export interface NameplatePower {
  watts: number;
  model: string;
}

const NAMEPLATE: ReadonlyArray<[RegExp, NameplatePower]> = [
  [/\bh100\b.*\b(pcie)\b/i, { watts: 350, model: 'H100 PCIe' }],
  [/\bh100\b.*\bnvl\b/i, { watts: 400, model: 'H100 NVL' }],
  [/\bh100\b/i, { watts: 700, model: 'H100 SXM' }],
  [/\bh200\b.*\b(nvl|pcie)\b/i, { watts: 600, model: 'H200 NVL' }],
  [/\bh200\b/i, { watts: 700, model: 'H200 SXM' }],
  [/\bb200\b/i, { watts: 1000, model: 'B200' }],
  [/\ba100\b.*\bsxm/i, { watts: 400, model: 'A100 SXM' }],
  [/\bmi300x\b/i, { watts: 750, model: 'MI300X' }],
  [/\bmi325x\b/i, { watts: 1000, model: 'MI325X' }],
  [/\bmi350x\b/i, { watts: 1000, model: 'MI350X' }],
  [/\bmi355x\b/i, { watts: 1400, model: 'MI355X' }],
];

/** The nameplate power of a GPU model name as the SMI tools print it, or undefined when unknown. */
export function nameplatePower(gpuName: string): NameplatePower | undefined {
  const name = gpuName.trim();
  if (name === '' || name.length > 200) return undefined;
  for (const [pattern, power] of NAMEPLATE) if (pattern.test(name)) return power;
  return undefined;
}
