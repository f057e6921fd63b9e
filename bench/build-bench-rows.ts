import { BENCH_TARGETS, checkTarget } from './bench-targets.ts'
import type { BenchResult, WarmFloorResult } from './bench-result.ts'
import { CLI_COMMANDS } from './measure-cli.ts'
import type { BaselineSample, RunSample } from './measure-run.ts'
import type { BenchRow } from './render-bench-table.ts'
import { ratioOfMedians, summarize, type Summary } from './summarize.ts'

const MB = 1024 * 1024
const T = BENCH_TARGETS

/** `GO ×5`, or `GO ×4, NO-GO ×1 (data-seeded unverified ×1)`: the verdicts a set of runs reached, and the gates behind a NO-GO. */
export function countVerdicts(samples: readonly { verdict: string; notPassing?: readonly string[] }[]): string {
  const tally = (values: readonly string[]) => {
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    return [...counts].map(([value, count]) => `${value} ×${count}`).join(', ')
  }
  const gates = samples.flatMap((sample) => (sample.notPassing ?? []).map((line) => line.split(':')[0]!))
  return `${tally(samples.map((sample) => sample.verdict))}${gates.length > 0 ? ` (${tally(gates)})` : ''}`
}

/** A ratio of two medians as a table summary (only the median column is filled). */
export function ratioSummary(a: Summary | null, b: Summary | null): Summary | null {
  const ratio = ratioOfMedians(a, b)
  return ratio === null || a === null || b === null ? null : { n: Math.min(a.n, b.n), min: Number.NaN, median: ratio, max: Number.NaN }
}

const of = <S>(samples: readonly S[], pick: (sample: S) => number | null | undefined) =>
  summarize(samples.map(pick).filter((value): value is number => typeof value === 'number'))

/** The rows of one set of runbook runs: time to verdict, where it went, peak RSS. */
function runRows(label: string, samples: readonly RunSample[], limitMs: number, perGate: boolean): BenchRow[] {
  const verdict = of(samples, (sample) => sample.verdictMs)
  const gates = perGate ? Object.keys(samples[0]?.gatesMs ?? {}).sort() : []
  const emulators = samples.some((sample) => sample.emulatorsMs > 0)
  const spawned = samples.some((sample) => sample.launchMs !== null)
  const rows: BenchRow[] = [
    { label: `${label}: time to verdict`, unit: 'ms', summary: verdict, target: checkTarget(verdict?.median, limitMs, `< ${limitMs} ms`), note: countVerdicts(samples) },
  ]
  if (spawned) rows.push({ label: '· node + CLI imports', unit: 'ms', summary: of(samples, (sample) => sample.launchMs) })
  if (emulators) {
    rows.push({ label: '· emulator start-up (critical path)', unit: 'ms', summary: of(samples, (sample) => sample.emulatorsMs) })
    for (const name of ['ops', 'firestore', 'kube-api']) {
      rows.push({ label: `·· ${name}`, unit: 'ms', summary: of(samples, (sample) => sample.startupMs[name]) })
    }
    rows.push({ label: '· seeding', unit: 'ms', summary: of(samples, (sample) => sample.seedMs) })
  }
  rows.push({ label: '· gates (sum of gate durations)', unit: 'ms', summary: of(samples, (sample) => sample.gatesTotalMs) })
  for (const gate of gates) rows.push({ label: `·· ${gate}`, unit: 'ms', summary: of(samples, (sample) => sample.gatesMs[gate]) })
  rows.push({ label: '· vitest start-up not hidden behind the floor, preflight, verdict (rest)', unit: 'ms', summary: of(samples, (sample) => sample.vitestAndRestMs) })
  if (spawned) rows.push({ label: '· report written, floor stopped, exit', unit: 'ms', summary: of(samples, (sample) => sample.verdictMs - sample.launchMs! - sample.runbookMs) })
  const rss = of(samples, (sample) => sample.peakRssBytes / MB)
  rows.push({ label: `${label}: peak RSS`, unit: 'MB', summary: rss, target: checkTarget(rss?.median, T.peakRssMb, `< ${T.peakRssMb} MB`) })
  rows.push(...rssSplitRows(samples))
  return rows
}

/** How the peak RSS split by command (`node`, `java`) at the moment of the peak. */
function rssSplitRows(samples: readonly { peakRssByCommand: Record<string, number> }[]): BenchRow[] {
  const commands = [...new Set(samples.flatMap((sample) => Object.keys(sample.peakRssByCommand)))].sort()
  return commands.map((command) => ({ label: `· of which ${command}`, unit: 'MB' as const, summary: of(samples, (sample) => (sample.peakRssByCommand[command] ?? 0) / MB) }))
}

/** The rows of the baseline: wall and peak RSS. */
function baselineRows(label: string, samples: readonly BaselineSample[]): BenchRow[] {
  return [
    { label: `${label}: wall`, unit: 'ms', summary: of(samples, (sample) => sample.wallMs), note: samples[0] ? `${samples[0].requests} requests` : '' },
    { label: `${label}: peak RSS`, unit: 'MB', summary: of(samples, (sample) => sample.peakRssBytes / MB) },
    ...rssSplitRows(samples),
  ]
}

/** The rows of one warm floor, with the ratios to the baseline and (for the large floor) to the small floor. */
function warmRows(name: string, floor: WarmFloorResult, small: WarmFloorResult | null, limitMs: number): BenchRow[] {
  const process = of(floor.warmProcess, (sample) => sample.verdictMs)
  const inProcess = of(floor.warmInProcess, (sample) => sample.verdictMs)
  const baselineProcess = of(floor.baselineProcess, (sample) => sample.wallMs)
  const baselineInProcess = of(floor.baselineInProcess, (sample) => sample.wallMs)
  const ratioTarget = (summary: Summary | null, limit: number) => checkTarget(summary?.median, limit, `≤ ${limit}x`, true)
  const overBaselineProcess = ratioSummary(process, baselineProcess)
  const overBaselineInProcess = ratioSummary(inProcess, baselineInProcess)
  const rows: BenchRow[] = [
    { section: name },
    ...Object.entries(floor.floorStartupMs).map(([stage, ms]): BenchRow => ({ label: `floor started once: ${stage}`, unit: 'ms', summary: summarize([ms]) })),
    ...runRows('fresh process', floor.warmProcess, limitMs, false),
    ...runRows('in-process (runRunbook)', floor.warmInProcess, limitMs, true),
    ...baselineRows('baseline, fresh process', floor.baselineProcess),
    ...baselineRows('baseline, reads in-process', floor.baselineInProcess),
    { label: 'fresh process / baseline process', unit: 'x', summary: overBaselineProcess, target: ratioTarget(overBaselineProcess, T.warmOverBaseline) },
    { label: 'in-process / baseline in-process', unit: 'x', summary: overBaselineInProcess, target: ratioTarget(overBaselineInProcess, T.warmOverBaseline) },
  ]
  if (small) {
    const overSmallProcess = ratioSummary(process, of(small.warmProcess, (sample) => sample.verdictMs))
    const overSmallInProcess = ratioSummary(inProcess, of(small.warmInProcess, (sample) => sample.verdictMs))
    rows.push(
      { label: 'large / small floor, fresh process', unit: 'x', summary: overSmallProcess, target: ratioTarget(overSmallProcess, T.largeOverSmall) },
      { label: 'large / small floor, in-process', unit: 'x', summary: overSmallInProcess, target: ratioTarget(overSmallInProcess, T.largeOverSmall) },
    )
  }
  return rows
}

/** The whole table: cold emulator-mode runs, then the small and the large floor warm. */
export function buildBenchRows(result: Omit<BenchResult, 'table' | 'finishedAt' | 'machine'>): BenchRow[] {
  const rows: BenchRow[] = []
  if (result.cli) {
    rows.push({ section: 'CLI: node bin/openbell.js <command>, spawn to exit' })
    for (const command of CLI_COMMANDS) {
      const summary = summarize(result.cli[command.label])
      rows.push({ label: command.label, unit: 'ms', summary, target: checkTarget(summary?.median, command.targetMs, `≤ ${command.targetMs} ms`, true) })
    }
  }
  if (result.cold.length > 0) rows.push({ section: 'cold: node bin/openbell.js run (emulator mode, emulators included)' }, ...runRows('cold', result.cold, T.coldVerdictMs, true))
  if (result.small) rows.push(...warmRows('warm, small floor (the fixture): cluster mode against running emulators', result.small, null, T.warmVerdictMs))
  if (result.large) {
    const size = result.large.size
    const title = size ? `warm, large floor: ${size.pods} pods, ${size.services} services, ${size.configMaps} configmaps, ${size.trades.toLocaleString('en-US')} trades` : 'warm, large floor'
    rows.push(...warmRows(title, result.large, result.small, T.largeWarmVerdictMs))
  }
  return rows
}
