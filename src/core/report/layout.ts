// Over 300 lines on purpose: the comment's sections (header, changes, chart, groups, lists) are fitted to
// one character budget in a stated order; keeping them together keeps that order and budget in one place.
import { escapeMarkdown as esc, normalizeText, safeUrl, WORD_JOINER } from './escape.js';
import { changes, configKey, latestByConfig, type ConfigComparison, type ConfigSide } from './compare.js';
import { compareRows, type ReportRow } from './rows.js';
import { sparkline } from './history.js';
import {
  formatJoulesPerToken,
  formatWatts,
  visualizerLinks,
  type RenderOptions,
  type RenderedReport,
  type ReportCounts,
  type ReportInput,
} from './render.js';

/** Configs drawn in the chart at most. */
export const CHART_MAX_CONFIGS = 12;
const LIST_SHOWN_WHEN_SHRUNK = 20;

/**
 * A value inside an HTML line (`<summary>`), where markdown escapes would show as backslashes:
 * HTML entities, and the same joiners that keep mentions, references and autolinks inert.
 */
function htmlText(value: string): string {
  return (
    normalizeText(value)
      .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string)
      .replace(/[@/#:]/g, (ch) => `${ch}${WORD_JOINER}`)
      .replace(/(w)(w)(w)(\.)/gi, `$1$2$3${WORD_JOINER}$4`)
      .replace(/(g)(h)(-)/gi, `$1$2${WORD_JOINER}$3`)
      // Markdown characters as numeric references (last, so no joiner lands inside one): inert even where a renderer reads markdown in HTML.
      .replace(/[[\]()!`*_~|\\]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`)
  );
}

/** Thousands separators without a per-call Intl lookup (`toLocaleString` is slow in a loop). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

function link(text: string, url: string | undefined): string {
  const safe = url === undefined ? undefined : safeUrl(url);
  return safe ? `[${text}](${safe})` : text;
}

/** Signed percentage with a real minus sign: `+20.0 %`, `−16.7 %`. */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `0.${'0'.repeat(digits)} %`.replace(/^0\. %$/, '0 %');
  return `${pct > 0 ? '+' : '−'}${text} %`;
}

function formatEnergy(j: number | undefined): string {
  if (j === undefined) return '–';
  if (Math.abs(j) >= 1e6) return `${(j / 1e6).toFixed(2)} MJ`;
  if (Math.abs(j) >= 1e3) return `${(j / 1e3).toFixed(1)} kJ`;
  return `${j.toFixed(0)} J`;
}

function formatTokensPerJoule(j: number | undefined): string {
  return j === undefined || !(j > 0) ? '–' : String(Number((1 / j).toPrecision(3)));
}

/** A share as a percentage with one decimal (none from 100 % up): `25.0 %`, `0.4 %`, `104 %`. */
function formatShare(fraction: number | undefined): string {
  if (fraction === undefined) return '–';
  const pct = fraction * 100;
  return `${pct.toFixed(pct >= 100 ? 0 : 1)} %`;
}

/** Idle share, counter agreement and power-cap share of a valid row; `–` for what the sidecar lacks. */
function insightCells(row: ReportRow): string {
  const i = row.status === 'valid' ? row.insights : undefined;
  return ` ${formatShare(i?.idleShare)} | ${i?.counterAgreement ?? '–'} | ${formatShare(i?.shareAtCap)} |`;
}

function islOsl(row: ReportRow): string {
  return row.isl === '' && row.osl === '' ? '' : `${esc(row.isl)}/${esc(row.osl)}`;
}

function topologyCell(row: ReportRow): string {
  return (
    esc([row.topology, row.parallelism ?? ''].filter((p) => p !== '').join(' · ')) +
    (row.specDecoding && row.specDecoding !== 'none' ? ` · spec ${esc(row.specDecoding)}` : '')
  );
}

/** The config in one line, for lists outside the groups. */
function configLabel(row: ReportRow): string {
  return [
    esc(row.model),
    esc(row.framework),
    esc(row.precision),
    esc(row.hardware),
    islOsl(row),
    `conc ${esc(row.conc)}`,
    topologyCell(row),
  ]
    .filter((p) => p !== '')
    .join(' · ');
}

const VERDICT_MARK: Record<string, string> = {
  regression: '🔴',
  improvement: '🟢',
  'within noise': '⚪',
  'not comparable': '⊘',
};

function deltaCell(c: ConfigComparison | undefined): string {
  if (!c) return '';
  if (c.presence === 'new') return 'new';
  if (c.verdict === 'not comparable') return '⊘ not comparable';
  if (c.deltaJoulesPerToken === undefined) return '';
  const mark = c.verdict === 'regression' ? ' 🔴↑' : c.verdict === 'improvement' ? ' 🟢↓' : '';
  return `${formatPercent(c.deltaJoulesPerToken)}${mark}`;
}

function joulesCell(side: ConfigSide): string {
  const row = side.latest;
  if (row.status === 'invalid') return '❌ invalid';
  if (row.status === 'missing') return '➖ no data';
  const j = row.joulesPerOutputToken;
  let text = formatJoulesPerToken(j);
  if (j !== undefined && row.energyBoundJ !== undefined && row.energyJ !== undefined && row.energyJ > 0)
    text += ` ± ${formatJoulesPerToken((row.energyBoundJ / row.energyJ) * j)}`;
  if (side.setAside > 0) text += ` (latest of ${side.all.length})`;
  return text;
}

function toleranceText(c: ConfigComparison): string {
  const t = c.tolerance;
  if (!t) return '';
  return `±${(t.value * 100).toFixed(1)} % (${t.decidedBy})`;
}

/** Characters Mermaid reads as syntax inside a quoted label are replaced; labels stay short. */
function chartLabel(row: ReportRow): string {
  const raw = `${row.hardware} ${row.isl}/${row.osl} c${row.conc}${row.parallelism ? ` ${row.parallelism}` : ''}`;
  const cleaned = raw
    .replace(/[^A-Za-z0-9 ._/+×-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned === '' ? 'config' : cleaned).slice(0, 32);
}

function chartNumber(v: number): string {
  const short = Number(v.toPrecision(4));
  const text = String(short);
  return /e/i.test(text) ? short.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A Mermaid xychart of J/output-token: baseline as bars, this run as a line, for up to `CHART_MAX_CONFIGS` configs. */
export function chartLines(configs: readonly ConfigComparison[]): string[] {
  const drawn = configs.filter((c) => c.deltaJoulesPerToken !== undefined).slice(0, CHART_MAX_CONFIGS);
  if (drawn.length === 0) return [];
  const labels = drawn.map((c, i) => `"${i + 1} ${chartLabel(c.row)}"`);
  const before = drawn.map((c) => chartNumber(c.baseline?.latest.joulesPerOutputToken as number));
  const now = drawn.map((c) => chartNumber(c.current?.latest.joulesPerOutputToken as number));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "J per output token: baseline (bars) vs this run (line)"',
    `  x-axis [${labels.join(', ')}]`,
    '  y-axis "J per output token"',
    `  bar [${before.join(', ')}]`,
    `  line [${now.join(', ')}]`,
    '```',
  ];
}

export interface Section {
  lines: string[];
}

interface Group {
  title: string;
  rows: string[];
  configs: number;
}

/**
 * The report: header with verdict counts, the Changes table, a chart, one collapsible group per
 * model × framework × precision (with idle share, counter agreement and power-cap share when the
 * sidecars have insights), and the lists of invalid, not comparable, new and gone configs.
 * To fit the budget it drops, in this order: the chart, the detail of the lists, whole groups
 * from the end, and last the rows of the Changes table beyond what fits; the header with the
 * verdict counts always stays.
 */
export function renderLayout(input: ReportInput, options: RenderOptions): RenderedReport {
  const measure = options.measure ?? ((s: string) => s.length);
  const limit = options.limit - (options.reserve ?? 0);
  const hint = options.fullListHint ?? 'the job summary and the `bmk_*` artifacts of this run';
  const comparison = input.comparison;
  const current = latestByConfig(input.rows);
  const sides = [...current.values()].sort((a, b) => compareRows(a.latest, b.latest));
  const setAside = sides.reduce((n, s) => n + s.setAside, 0);
  const unreadable = input.unreadable ?? [];
  const counts: ReportCounts = { total: sides.length, valid: 0, invalid: 0, missing: 0, unreadable: unreadable.length };
  for (const side of sides) counts[side.latest.status] += 1;
  const byKey = new Map<string, ConfigComparison>();
  for (const c of comparison?.configs ?? []) if (c.current) byKey.set(c.key, c);
  const trends = input.trends;
  const links = visualizerLinks(input.visualizerUrl, input.runId);

  // Header
  const head: string[] = [];
  const runLink = input.runId && /^\d+$/.test(input.runId) ? link(input.runId, input.runUrl) : undefined;
  const commit =
    input.commit && /^[0-9a-f]{7,64}$/i.test(input.commit.sha)
      ? link(`\`${input.commit.sha.slice(0, 7)}\``, input.commit.url)
      : undefined;
  head.push(`### GPU power${commit ? ` · commit ${commit}` : ''}${runLink ? ` · sweep run ${runLink}` : ''}`, '');
  if (links) head.push(`Visualizer: [inference](${links.inference}) · [evaluation](${links.evaluation})`, '');
  const tally = [
    `**${plural(counts.total, 'config')}**`,
    `✅ ${grouped(counts.valid)} valid`,
    `❌ ${grouped(counts.invalid)} invalid`,
    `➖ ${grouped(counts.missing)} without power data`,
  ];
  if (counts.unreadable > 0) tally.push(`⚠️ ${plural(counts.unreadable, 'unreadable file')}`);
  head.push(tally.join(' · '), '');
  if (setAside > 0)
    head.push(
      `_${plural(setAside, 'earlier result')} of repeated configs set aside: the latest result of each config is used._`,
      '',
    );
  const base = input.baseline;
  if (base) {
    const parts: string[] = [];
    if (base.runId && /^\d+$/.test(base.runId)) parts.push(`run ${link(base.runId, base.runUrl)}`);
    if (base.commit && /^[0-9a-f]{7,64}$/i.test(base.commit))
      parts.push(`commit ${link(`\`${base.commit.slice(0, 7)}\``, base.commitUrl)}`);
    if (base.label) parts.push(esc(base.label));
    if (comparison && comparison.historyRuns > 1) parts.push(`history of ${comparison.historyRuns} runs`);
    head.push(`Baseline: ${parts.length > 0 ? parts.join(' · ') : 'given results'}`, '');
  }
  for (const note of input.notes ?? []) head.push(`_${esc(note)}_`, '');
  if (comparison) {
    const k = comparison.counts;
    const n = (count: number): string => grouped(count);
    head.push(
      `**Verdicts:** 🔴 ${plural(k.regression, 'regression')} · 🟢 ${plural(k.improvement, 'improvement')} · ⚪ ${n(k.withinNoise)} within noise · ⊘ ${n(k.notComparable)} not comparable · 🆕 ${n(k.new)} new · ${n(k.gone)} gone (threshold ${(comparison.threshold * 100).toFixed(1)} %)`,
      '',
    );
    if (comparison.boundsUnknown > 0) {
      head.push(
        `_Energy error bound unknown for ${plural(comparison.boundsUnknown, 'compared config')}: counted as 0 in the tolerance, so the threshold, repeats and history decide there._`,
        '',
      );
    }
    if (comparison.setAside.baseline > 0)
      head.push(
        `_${plural(comparison.setAside.baseline, 'earlier baseline result')} of repeated configs set aside._`,
        '',
      );
  }

  // Changes
  const changed = comparison ? changes(comparison) : [];
  const changeHead = [
    '#### Changes',
    '',
    '| | Config | J/output token | Δ J/token | Δ tokens/J | Tolerance | Trend |',
    '|---|---|--:|--:|--:|---|---|',
  ];
  const changeRows = changed.map((c) => {
    const before = formatJoulesPerToken(c.baseline?.latest.joulesPerOutputToken);
    const now = formatJoulesPerToken(c.current?.latest.joulesPerOutputToken);
    const arrow = c.verdict === 'regression' ? '🔴 ↑' : '🟢 ↓';
    return `| ${arrow} | ${configLabel(c.row)} | ${before} → ${now} | ${formatPercent(c.deltaJoulesPerToken as number)} | ${formatPercent(c.deltaTokensPerJoule as number)} | ${toleranceText(c)} | ${sparkline(trends?.get(c.key) ?? [])} |`;
  });
  const changesNone = comparison
    ? ['#### Changes', '', '_No regression or improvement beyond the tolerance._', '']
    : [];

  // Chart: the changed configs, else the first compared ones.
  const chartSource =
    changed.length > 0 ? changed : (comparison?.configs ?? []).filter((c) => c.deltaJoulesPerToken !== undefined);
  const chartBody = chartLines(chartSource);
  const chart = chartBody.length > 0 ? ['', ...chartBody, ''] : [];

  // Groups
  const groups: Group[] = [];
  const showDelta = comparison !== undefined;
  const showTrend = trends !== undefined && trends.size > 0;
  // Sidecars without an insights block (older runs) add no columns, so their reports keep their size.
  const showInsights = sides.some((s) => s.latest.insights !== undefined);
  const groupHead = [
    `| Hardware | ISL/OSL | Conc | Topology | GPUs | J/output token |${showDelta ? ' Δ vs baseline |' : ''} Tokens/J | W/GPU | Energy |${showInsights ? ' Idle share | Counter | At cap |' : ''}${showTrend ? ' Trend |' : ''}${links ? ' |' : ''}`,
    `|---|---|--:|---|--:|--:|${showDelta ? '--:|' : ''}--:|--:|--:|${showInsights ? '--:|---|--:|' : ''}${showTrend ? '---|' : ''}${links ? '---|' : ''}`,
  ];
  let groupStart = 0;
  while (groupStart < sides.length) {
    const first = sides[groupStart]!.latest;
    let end = groupStart;
    while (
      end < sides.length &&
      sides[end]!.latest.model === first.model &&
      sides[end]!.latest.framework === first.framework &&
      sides[end]!.latest.precision === first.precision
    )
      end++;
    const members = sides.slice(groupStart, end);
    const verdicts = new Map<string, number>();
    const rows = members.map((side) => {
      const row = side.latest;
      const key = configKey(row);
      const c = byKey.get(key);
      if (c?.verdict) verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
      const valid = row.status === 'valid';
      const trend = showTrend ? ` ${sparkline(trends?.get(key) ?? [])} |` : '';
      return `| ${esc(row.hardware)} | ${islOsl(row)} | ${esc(row.conc)} | ${topologyCell(row)} | ${row.gpus ?? '–'} | ${joulesCell(side)} |${showDelta ? ` ${deltaCell(c)} |` : ''} ${valid ? formatTokensPerJoule(row.joulesPerOutputToken) : '–'} | ${formatWatts(row.avgPowerW)} | ${valid ? formatEnergy(row.energyJ) : '–'} |${showInsights ? insightCells(row) : ''}${trend}${links ? ` [↗](${links.inference}) |` : ''}`;
    });
    const tallies = ['regression', 'improvement', 'within noise', 'not comparable']
      .filter((v) => verdicts.has(v))
      .map((v) => `${VERDICT_MARK[v]} ${verdicts.get(v)}`);
    const title = `<b>${htmlText(first.model)}</b> · ${htmlText(first.framework)} · ${htmlText(first.precision)} · ${plural(members.length, 'config')}${tallies.length > 0 ? ` · ${tallies.join(' ')}` : ''}`;
    groups.push({ title, rows, configs: members.length });
    groupStart = end;
  }
  const groupLines = (g: Group): string[] => [
    '',
    `<details><summary>${g.title}</summary>`,
    '',
    ...groupHead,
    ...g.rows,
    '',
    '</details>',
  ];

  // Lists
  const section = (title: string, items: string[]): string[] =>
    items.length === 0 ? [] : ['', `<details><summary>${title}</summary>`, '', ...items, '', '</details>'];
  const capped = (items: string[], shrink: boolean): string[] =>
    shrink && items.length > LIST_SHOWN_WHEN_SHRUNK
      ? [
          ...items.slice(0, LIST_SHOWN_WHEN_SHRUNK),
          `- … and ${grouped(items.length - LIST_SHOWN_WHEN_SHRUNK)} more in ${hint}`,
        ]
      : items;
  const invalidSides = sides.filter((s) => s.latest.status === 'invalid');
  const invalidItems = invalidSides.map((s) => {
    const row = s.latest;
    const reasons =
      row.reasons.length > 0
        ? row.reasons
            .map((code) => `**${esc(code)}**${row.reasonMessages?.[code] ? ` ${esc(row.reasonMessages[code])}` : ''}`)
            .join('; ')
        : 'no reason recorded (download the `power_audit_*` artifacts next to the `bmk_*` ones to see why)';
    return `- ${configLabel(row)}: ${reasons}`;
  });
  const byReason = new Map<string, number>();
  for (const s of invalidSides)
    for (const code of s.latest.reasons.length > 0 ? s.latest.reasons : ['(no reason recorded)'])
      byReason.set(code, (byReason.get(code) ?? 0) + 1);
  const reasonItems = [...byReason.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `- ${esc(code)}: ${plural(n, 'config')}`);
  const notComparable = (comparison?.configs ?? [])
    .filter((c) => c.verdict === 'not comparable')
    .map((c) => `- ${configLabel(c.row)}: ${esc(c.reason ?? '')}`);
  const added = (comparison?.configs ?? []).filter((c) => c.presence === 'new').map((c) => `- ${configLabel(c.row)}`);
  const gone = (comparison?.configs ?? []).filter((c) => c.presence === 'gone').map((c) => `- ${configLabel(c.row)}`);
  const unreadableItems = unreadable.map((u) => `- ${esc(u.source)}: ${esc(u.reason)}`);
  const lists = (shrink: boolean): string[] => [
    ...(shrink
      ? section(`Invalid power: ${plural(invalidSides.length, 'config')}, by reason`, reasonItems)
      : section(`Invalid power: ${plural(invalidSides.length, 'config')}`, invalidItems)),
    ...section(
      `Not comparable with the baseline: ${plural(notComparable.length, 'config')}`,
      capped(notComparable, shrink),
    ),
    ...section(`New configs (not in the baseline): ${grouped(added.length)}`, capped(added, shrink)),
    ...section(`Gone configs (in the baseline only): ${grouped(gone.length)}`, capped(gone, shrink)),
    ...section(`Unreadable result files: ${grouped(unreadable.length)}`, capped(unreadableItems, shrink)),
  ];

  const size = (lines: string[]): number => lines.reduce((sum, line) => sum + measure(line) + 1, 0);
  const changesBlock = (rows: string[], note: string[]): string[] =>
    rows.length > 0 ? [...changeHead, ...rows, ...note, ''] : changesNone;
  const allGroupLines = groups.flatMap(groupLines);
  const finish = (
    parts: {
      changeRows: string[];
      changeNote: string[];
      chart: string[];
      groups: Group[];
      note: string[];
      lists: string[];
    },
    shrunk: boolean,
  ): RenderedReport => {
    const shownConfigs = parts.groups.reduce((n, g) => n + g.configs, 0);
    const markdown = [
      ...head,
      ...changesBlock(parts.changeRows, parts.changeNote),
      ...parts.chart,
      ...parts.groups.flatMap(groupLines),
      ...parts.note,
      ...parts.lists,
    ]
      .join('\n')
      .replace(/\n+$/, '');
    return { markdown, counts, rowsShown: shownConfigs, rowsLeftOut: sides.length - shownConfigs, shrunk };
  };

  const full = [...head, ...changesBlock(changeRows, []), ...chart, ...allGroupLines, ...lists(false)];
  if (size(full) <= limit)
    return finish({ changeRows, changeNote: [], chart, groups, note: [], lists: lists(false) }, false);
  // 1. the chart, 2. the detail of the lists
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...lists(false)]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: lists(false) }, true);
  const shortLists = lists(true);
  if (size([...head, ...changesBlock(changeRows, []), ...allGroupLines, ...shortLists]) <= limit)
    return finish({ changeRows, changeNote: [], chart: [], groups, note: [], lists: shortLists }, true);
  // 3. whole groups from the end, with a note sized for the largest count so it always fits
  const noteFor = (left: number): string[] => [
    '',
    `_${plural(left, 'row')} left out to stay under the size limit; the full report is in ${hint}._`,
  ];
  const noteMax = size(noteFor(sides.length));
  const listsFit = size([...head, ...changesBlock(changeRows, []), ...shortLists]) + noteMax <= limit;
  const tailLists = listsFit ? shortLists : [];
  let used = size([...head, ...changesBlock(changeRows, []), ...tailLists]) + noteMax;
  if (used <= limit) {
    const kept: Group[] = [];
    for (const g of groups) {
      const next = used + size(groupLines(g));
      if (next > limit) break;
      used = next;
      kept.push(g);
    }
    const left = sides.length - kept.reduce((n, g) => n + g.configs, 0);
    return finish({ changeRows, changeNote: [], chart: [], groups: kept, note: noteFor(left), lists: tailLists }, true);
  }
  // 4. rows of the Changes table beyond what fits; the verdict counts in the header stay.
  const changeNoteFor = (left: number): string[] => [
    '',
    `_${plural(left, 'more change')} left out to stay under the size limit; every verdict is in ${hint}._`,
  ];
  used = size([...head, ...changeHead, '']) + size(changeNoteFor(changeRows.length)) + noteMax;
  const keptChanges: string[] = [];
  for (const row of changeRows) {
    const next = used + measure(row) + 1;
    if (next > limit) break;
    used = next;
    keptChanges.push(row);
  }
  return finish(
    {
      changeRows: keptChanges,
      changeNote: changeNoteFor(changeRows.length - keptChanges.length),
      chart: [],
      groups: [],
      note: noteFor(sides.length),
      lists: [],
    },
    true,
  );
}
