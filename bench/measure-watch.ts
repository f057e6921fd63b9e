import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { PROJECT_ROOT } from '../support/run/index.ts'
import type { Notification } from '../support/watch/index.ts'
import { checkTarget, type TargetCheck } from './bench-targets.ts'
import type { BenchRow } from './render-bench-table.ts'
import { summarize, type Summary } from './summarize.ts'
import { readTreeRss } from './tree-rss.ts'
import { rssWindows, slopePerEvaluation, type RssWindow, type WatchRssSample } from './watch-rss.ts'

/** The watch's interval in the benchmark: the shortest allowed, so an endpoint fault is seen within 5 s + 2 s. */
const INTERVAL_SECONDS = 5
/** Each wait of the benchmark gives up after this long. */
const WAIT_MS = 300_000
/** Evaluations over which the RSS peak is taken at the start and at the end: one period of the spec worker's replacement. */
const PEAK_WINDOW = 20
/** The issue's goal is over this many evaluations: a shorter measurement's trend is extrapolated to it. */
const EXTRAPOLATED_EVALUATIONS = 1_000
/** Processes smaller than this (the `sh` wrappers of the Firestore JVM) get no row of their own. */
const MIN_REPORTED_BYTES = 8 * 2 ** 20
/** Put on the running floor in turn to drive the RSS phase's evaluations: both fail kill-switch, for different reasons. */
const DRIVING_SCENARIOS = ['kill-switch-off', 'kill-switch-ambiguous'] as const
/** How many times each fault is put on and taken off: the detection times are medians of these. */
const DETECTIONS = 5

/** What `openbell watch` measured: detection times, warm re-evaluations, and RSS over many evaluations. */
export interface WatchBenchResult {
  /** Fault on a Kubernetes object (the kill-switch ConfigMap to "0") → notification received, ms, each time it was put on. */
  kubeDetect: Summary | null
  /** Fault on an ops endpoint (market data 15 min old) → notification received, ms, each time it was put on. */
  endpointDetect: Summary | null
  /** Spec worker processes the watch started (1: the worker stayed resident), from its start line; `null` when not said. */
  workersStarted: number | null
  /** Durations of the evaluations after the first (vitest warm), ms. */
  warmEvaluations: Summary | null
  /** SIGTERM → the watch process exited (its final evaluation and report written, the floor stopped), ms. */
  stopMs: number
  /** Evaluations the process tree's RSS was followed over, after the warm-up. */
  evaluations: number
  /** Peak RSS of the whole watch process tree over the first 20 evaluations once warm (after the faults) and over the last 20 of `evaluations` more, bytes. */
  rssFirstBytes: number
  rssLastBytes: number
  /** The peaks, of the tree and of each kind of process, over each run of 20 of those evaluations: the trend and what it comes from. */
  rssWindows: RssWindow[]
}

/**
 * Starts one real `openbell watch` against the emulator floor (interval 5 s, a local webhook receiver), puts a
 * Kubernetes fault and an endpoint fault on the running floor (`/floor/scenario`) and times each to its
 * notification, then drives `evaluations` more evaluations by Kubernetes changes and compares the RSS of its tree.
 */
export async function measureWatch(options: { evaluations: number; log: (line: string) => void }): Promise<WatchBenchResult> {
  const received: { at: number; notification: Notification }[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push({ at: performance.now(), notification: JSON.parse(body) as Notification })
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-bench-watch-'))
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/benchWatchToken0123456789`
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/openbell.js'), 'watch', '--interval', String(INTERVAL_SECONDS), '--metrics-port', '0', '--reports', reportsDir, '--notify', hook], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const until = async (test: () => boolean, what: string, waitMs = WAIT_MS) => {
    const deadline = Date.now() + waitMs
    while (!test()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bench: openbell watch never ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const detect = async (scenario: string, gate: string): Promise<number> => {
    const seen = received.length
    const started = performance.now()
    await fetch(`${metricsUrl()}/floor/scenario/${scenario}`, { method: 'POST' })
    await until(() => received.slice(seen).some(({ notification }) => notification.changedGates.some((change) => change.gate === gate && change.to !== 'pass')), `noticed ${scenario}`)
    const detectedMs = received.slice(seen).find(({ notification }) => notification.changedGates.some((change) => change.gate === gate))!.at - started
    const repaired = received.length
    await fetch(`${metricsUrl()}/floor/scenario`, { method: 'DELETE' })
    await until(() => received.slice(repaired).some(({ notification }) => notification.verdict === 'GO'), `recovered from ${scenario}`)
    return detectedMs
  }
  const readWorkersStarted = () => {
    const counts = [...output.matchAll(/spec worker processes started: (\d+)/g)].map((match) => Number(match[1]))
    return counts.at(-1) ?? null
  }
  const metricsUrl = () => /metrics: (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(output)?.[1] ?? ''
  /** The watch's history so far (one line per evaluation), `''` before its first. */
  const historyText = () => {
    const dir = path.join(reportsDir, 'watch')
    const file = readdirSync(dir, { withFileTypes: true }).find((entry) => entry.isFile() && entry.name.endsWith('.ndjson'))
    return file ? readFileSync(path.join(dir, file.name), 'utf8') : ''
  }
  const evaluationsSoFar = () => historyText().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { durationMs: number; trigger: string })
  /** Evaluations so far, counted without parsing them: the driving loop asks every 20 ms. */
  const evaluationCount = () => historyText().split('\n').length - 1
  let stopMsSeen = 0
  let measured: Omit<WatchBenchResult, 'workersStarted' | 'stopMs'>
  try {
    await until(() => received.some(({ notification }) => notification.verdict === 'GO'), 'reached GO')
    options.log(`watch: GO; RSS ${Math.round(readTreeRss([child.pid!]).total / 2 ** 20)} MB`)
    const kube: number[] = []
    const endpoint: number[] = []
    for (let round = 1; round <= DETECTIONS; round++) {
      kube.push(await detect('kill-switch-off', 'kill-switch'))
      options.log(`watch: kill switch "0" noticed in ${Math.round(kube.at(-1)!)} ms (${round}/${DETECTIONS})`)
      endpoint.push(await detect('marketdata-stale', 'marketdata-freshness'))
      options.log(`watch: stale market data noticed in ${Math.round(endpoint.at(-1)!)} ms (${round}/${DETECTIONS})`)
    }
    // @note the spec worker is replaced every 20 evaluations (`RESIDENT_FORK_POOL_DEFAULTS`), so the tree's RSS is a
    // saw: what is compared is its peak over the first 20 evaluations after the warm-up and over the last 20.
    const start = evaluationsSoFar().length
    const target = start + options.evaluations
    const samples: WatchRssSample[] = []
    const sampler = setInterval(() => {
      const sample = { evaluations: evaluationsSoFar().length, rss: readTreeRss([child.pid!]) }
      // @note a long measurement says where it is once per window, with the tree's split at that moment.
      if (samples.length > 0 && Math.floor(sample.evaluations / PEAK_WINDOW) > Math.floor(samples.at(-1)!.evaluations / PEAK_WINDOW)) {
        options.log(`watch: ${sample.evaluations - start}/${options.evaluations} evaluations; RSS ${Object.entries(sample.rss.byCommand).map(([command, bytes]) => `${command} ${Math.round(bytes / 2 ** 20)} MB`).join(', ')}`)
      }
      samples.push(sample)
    }, 1_000)
    try {
      // @note evaluations back to back, each a whole evaluation of the seven gates: the kill-switch ConfigMap is turned
      // between two failing values, each a Kubernetes change the watch re-evaluates at once, and the gates' statuses
      // stay the same, so no run folder is written, as in a steady session. 1,000 evaluations take ~25 minutes instead
      // of ~85 at the 5 s interval; the interval's own evaluations still come between them.
      for (let turn = 0; evaluationCount() < target; turn++) {
        const before = evaluationCount()
        await fetch(`${metricsUrl()}/floor/scenario/${DRIVING_SCENARIOS[turn % DRIVING_SCENARIOS.length]}`, { method: 'POST' })
        await until(() => evaluationCount() > before, 'evaluated after a Kubernetes change')
      }
    } finally {
      clearInterval(sampler)
    }
    const window = Math.min(PEAK_WINDOW, Math.floor(options.evaluations / 2))
    const peak = (from: number, to: number) => Math.max(0, ...samples.filter((sample) => sample.evaluations >= from && sample.evaluations < to).map((sample) => sample.rss.total))
    const rssFirstBytes = peak(start, start + window)
    const rssLastBytes = peak(target - window, target + 1)
    const lines = evaluationsSoFar()
    options.log(`watch: ${lines.length} evaluations; RSS ${Math.round(rssFirstBytes / 2 ** 20)} MB → ${Math.round(rssLastBytes / 2 ** 20)} MB over the last ${options.evaluations}`)
    measured = {
      kubeDetect: summarize(kube),
      endpointDetect: summarize(endpoint),
      warmEvaluations: summarize(lines.filter((line) => line.trigger !== 'first').map((line) => line.durationMs)),
      evaluations: options.evaluations,
      rssFirstBytes,
      rssLastBytes,
      rssWindows: rssWindows(samples, start, target, PEAK_WINDOW),
    }
  } finally {
    const stopping = performance.now()
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    stopMsSeen = performance.now() - stopping
    server.close()
  }
  options.log(`watch: SIGTERM → exit in ${Math.round(stopMsSeen)} ms; ${readWorkersStarted()} spec worker process(es) started`)
  return { ...measured, workersStarted: readWorkersStarted(), stopMs: stopMsSeen }
}

/** The watch's rows of the table, with the issue's goals beside them. */
export function watchRows(result: WatchBenchResult): BenchRow[] {
  const growth = result.rssFirstBytes > 0 ? result.rssLastBytes / result.rssFirstBytes : null
  const growthTarget: TargetCheck = checkTarget(growth, 1.1, '≤ 1.10x', true)
  return [
    { section: `openbell watch (emulator floor, --interval ${INTERVAL_SECONDS})` },
    { label: 'time to detect: Kubernetes object change → notification', unit: 'ms', summary: result.kubeDetect, target: checkTarget(result.kubeDetect?.median, 2_000, '≤ 2000 ms', true) },
    { label: 'time to detect: endpoint fault → notification', unit: 'ms', summary: result.endpointDetect, target: checkTarget(result.endpointDetect?.median, INTERVAL_SECONDS * 1_000 + 2_000, `≤ ${INTERVAL_SECONDS * 1_000 + 2_000} ms`, true) },
    { label: 'warm re-evaluation', unit: 'ms', summary: result.warmEvaluations, target: checkTarget(result.warmEvaluations?.median, 1_000, '≤ 1000 ms', true), ...(result.workersStarted === null ? {} : { note: `spec worker processes started: ${result.workersStarted}` }) },
    { label: 'SIGTERM → exit (final evaluation, report, floor stopped)', unit: 'ms', summary: summarize([result.stopMs]), target: checkTarget(result.stopMs, 5_000, '≤ 5000 ms', true) },
    { label: `peak RSS of the process tree, first / last 20 of ${result.evaluations} evaluations`, unit: 'x', summary: growth === null ? null : summarize([growth]), target: growthTarget, note: `${Math.round(result.rssFirstBytes / 2 ** 20)} MB → ${Math.round(result.rssLastBytes / 2 ** 20)} MB` },
    ...rssTrendRows(result),
  ]
}

/**
 * What the RSS row is made of: the trend of the tree's peak per 20 evaluations and what it would reach after the
 * issue's 1,000 evaluations, then each kind of process's own first and last peak and trend. Measured, never asserted.
 * @note the trend is taken over the later half of the windows: start-up memory given back once (the `esbuild` service
 * that a rebuild of `dist/` leaves returns ~230 MB some minutes in) is a step, not a trend, and would hide a steady growth.
 */
function rssTrendRows(result: WatchBenchResult): BenchRow[] {
  const windows = result.rssWindows
  const first = windows[0]
  const last = windows.at(-1)
  if (!first || !last || windows.length < 2) return []
  const steady = windows.length >= 4 ? windows.slice(Math.floor(windows.length / 2)) : windows
  const mb = (bytes: number) => bytes / 2 ** 20
  const trend = (value: (window: RssWindow) => number) => {
    const slope = slopePerEvaluation(steady, value)
    return slope === null ? '' : `; trend ${(slope / 1024).toFixed(0)} KB per evaluation (${(mb(slope) * EXTRAPOLATED_EVALUATIONS).toFixed(0)} MB per ${EXTRAPOLATED_EVALUATIONS.toLocaleString('en-US')})`
  }
  const treeSlope = slopePerEvaluation(steady, (window) => window.total)
  const remaining = Math.max(0, first.from + EXTRAPOLATED_EVALUATIONS - (last.from + last.to) / 2)
  const projected = treeSlope === null ? null : (last.total + treeSlope * remaining) / first.total
  const commands = [...new Set(windows.flatMap((window) => Object.keys(window.byCommand)))].filter((command) => (first.byCommand[command] ?? 0) >= MIN_REPORTED_BYTES || (last.byCommand[command] ?? 0) >= MIN_REPORTED_BYTES)
  return [
    {
      label: `peak RSS of the process tree, last 20 extended by its trend to ${EXTRAPOLATED_EVALUATIONS.toLocaleString('en-US')} evaluations / first 20`,
      unit: 'x',
      summary: projected === null ? null : summarize([projected]),
      target: checkTarget(projected, 1.1, '≤ 1.10x', true),
      note: `trend (Theil–Sen) over the last ${steady.length} of ${windows.length} windows of 20${trend((window) => window.total)}`,
    },
    ...commands.map((command): BenchRow => ({
      label: `peak RSS of ${command} over the last 20 evaluations`,
      unit: 'MB',
      summary: summarize([mb(last.byCommand[command] ?? 0)]),
      note: `first 20: ${mb(first.byCommand[command] ?? 0).toFixed(0)} MB${trend((window) => window.byCommand[command] ?? 0)}`,
    })),
  ]
}
