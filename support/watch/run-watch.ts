import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { KubeConfig } from '@kubernetes/client-node'
import { loadKubeConfig } from '../kube/index.ts'
import { isLoopbackHost, type ResolvedConfig, type WatchOptions } from '../config/index.ts'
import { appendViolationTo, installDnsLiveHostGuard, createViolation } from '../network/index.ts'
import { CODE_ROOT, PROJECT_ROOT } from '../project-paths.ts'
import type { ReadinessReport } from '../verdict/index.ts'
import {
  floorRequestOf,
  type StartFloor,
  type StartedFloor,
  SILENT_PROGRESS,
  type Progress,
  tearDownFloor,
} from '../run/index.ts'
import { readRunCluster } from '../prepare/index.ts'
import { specFileOf } from '../gates/index.ts'
import { loadWaivers } from '../verdict/index.ts'
import { gateChanges, statusKey } from './gate-changes.ts'
import type { HaltOnFail } from './halt-on-fail.ts'
import { startKubeFollower, type KubeFollower } from './kube-follower.ts'
import { buildNotification, createNotifier } from './notifier.ts'
import { raceStop } from './race-stop.ts'
import { startResidentSpecs, type ResidentSpecs } from './resident-specs.ts'
import { watchEnd } from './watch-end.ts'
import { WatchEvaluator, type Evaluation } from './watch-evaluator.ts'
import { appendWatchHistory, watchHistoryFile } from './watch-history.ts'
import { startWatchMetrics, type WatchMetrics } from './watch-metrics.ts'

/** What a watch needs from outside. */
export interface RunWatchOptions {
  config: ResolvedConfig & { watch: WatchOptions }
  startFloor: StartFloor
  /** Cluster mode: the kubeconfig the CLI loaded and validated, used for every read of the watch. @default null */
  kubeConfig?: KubeConfig | null
  /** One line of result (already scrubbed by the CLI's output): each evaluation, the metrics URL, the end. */
  say(line: string): void
  /** What the watch is waiting for (the floor's start, the floor's stop), on stderr. @default SILENT_PROGRESS */
  progress?: Progress
  /** Resolves when the operator asks the watch to end (SIGINT/SIGTERM): the reason. */
  stopRequested: Promise<string>
  /** `--halt-on-fail`'s act, or `null` without the flag (then nothing is ever written to the cluster). */
  halt: HaltOnFail | null
  /** Called once the metrics server listens, with its URL, and (emulator mode) the running floor. */
  onReady?: (ready: { metricsUrl: string; floor: StartedFloor | null }) => void
  now?: () => Date
}

/** How long an ending watch gives its last evaluation, so that SIGTERM ends it within 5 s. */
const FINAL_EVALUATION_BUDGET_MS = 2_500
/** How long the floor may take to stop once the final report is written: what is left within SIGTERM's 5 s. */
const TEARDOWN_DEADLINE_MS = 2_000

/**
 * `openbell watch`: holds the runbook live until the session's close. The floor (emulator mode), vitest with its
 * resident spec worker, and the metrics server start once; the gates are evaluated every `--interval`, and at once
 * when a followed Kubernetes object changes. Every evaluation is decided fail-closed and appended to
 * `<reports>/watch/<session>.ndjson`; a change of verdict or gate status writes a run folder, updates the metrics,
 * notifies, and may halt. The last evaluation is always written, before the floor stops. Returns the final report.
 */
export async function runWatch(options: RunWatchOptions): Promise<ReadinessReport | null> {
  const { config, say } = options
  const progress = options.progress ?? SILENT_PROGRESS
  const now = options.now ?? (() => new Date())
  const watch = config.watch
  const intervalMs = watch.intervalSeconds * 1_000
  const end = watchEnd(now(), { session: config.session, until: watch.until })
  const history = watchHistoryFile(config.reportsDir, end.session)
  const scratch = path.join(config.reportsDir, 'watch', `.${end.session}-${process.pid}`)
  mkdirSync(scratch, { recursive: true, mode: 0o700 })
  let floor: StartedFloor | null = null
  let follower: KubeFollower | null = null
  let metrics: WatchMetrics | null = null
  let specs: ResidentSpecs | null = null
  // @note the runner's own lookups of the live broker host go to the evaluation under way (`violation-ledger.ts`).
  let violationsFile = path.join(scratch, 'runner-violations.ndjson')
  const removeDnsGuard = installDnsLiveHostGuard((hostname) => appendViolationTo(violationsFile)(createViolation(`dns:${hostname}`, 'LOOKUP', 'dns')))
  const notifier = createNotifier(watch.notify, (receiver, why) => {
    metrics?.recordNotificationFailed()
    say(`notification to receiver ${receiver + 1} of ${watch.notify.length} given up: ${why}`)
  })
  /** The scenario put on the running floor through the metrics server's `/floor/scenario`, for the reports. */
  let appliedScenario: string | null = null
  let last: Evaluation | null = null
  let previous: ReadinessReport | null = null
  let stopReason: string | null = null
  // @note the loop waits on the stop through this signal (`raceStop`), never by chaining onto `stopRequested` itself.
  const stopped = new AbortController()
  void options.stopRequested.then((reason) => {
    stopReason = reason
    stopped.abort()
  })
  say(`openbell watch: ${config.env === 'emulators' ? 'the embedded emulators' : `namespace ${config.namespace} of the cluster`}, every ${watch.intervalSeconds} s until ${end.why}`)
  try {
    // @note vitest and its worker start while the floor starts: the worker loads the clients meanwhile.
    const specsStarting = startResidentSpecs({
      specsDir: path.join(CODE_ROOT, 'specs'),
      root: PROJECT_ROOT,
      gateFilter: config.gateFilter.map((gate) => specFileOf(gate)),
      testNamePattern: config.testNamePattern,
      checkTimeoutMs: config.checkTimeoutMs,
    })
    void specsStarting.catch(() => undefined)
    if (config.env === 'emulators') floor = await options.startFloor({ ...floorRequestOf(config, path.join(scratch, 'floor')), progress })
    specs = await specsStarting
    const kubeconfigPath = floor?.kubeconfigPath ?? null
    const followed = followedKubeConfig(floor, options.kubeConfig ?? null, config.kubeContext)
    const evaluator = new WatchEvaluator({
      config,
      specs,
      readCluster: () => readRunCluster(config, { kubeconfigPath, loaded: floor ? null : (options.kubeConfig ?? null) }),
      clusterFreshMs: 2 * intervalMs,
      floorFacts: {
        firestoreEmulator: floor
          ? { host: floor.firestoreEmulatorHost, backend: floor.firestoreBackend }
          : process.env.FIRESTORE_EMULATOR_HOST
            ? { host: process.env.FIRESTORE_EMULATOR_HOST, backend: 'FIRESTORE_EMULATOR_HOST' }
            : null,
        workerSetup: { files: floor?.workerSetupFiles ?? [], env: { ...floor?.workerEnv } },
      },
      floor,
      appliedScenario: () => appliedScenario,
      waivers: () => loadWaivers(config.waiversFile, now()),
      pendingDir: path.join(scratch, 'pending'),
      onViolationsFile: (file) => (violationsFile = file),
      runnerViolationsFile: violationsFile,
      now,
    })
    const startedFloor = floor
    metrics = await startWatchMetrics({
      host: watch.metricsHost,
      port: watch.metricsPort,
      staleAfterMs: 2 * intervalMs,
      // @note the floor's control has no authentication: it is served only on a loopback metrics address.
      floorControl: startedFloor?.applyScenario && isLoopbackHost(watch.metricsHost)
        ? async (name) => {
            await startedFloor.applyScenario!(name)
            appliedScenario = name
          }
        : null,
    })
    say(`metrics: ${metrics.url}/metrics, health: ${metrics.url}/healthz; history: ${history}`)
    follower = await startKubeFollower({ ...followed, namespace: config.namespace, intervalMs, requestTimeoutMs: config.requestTimeoutMs })
    options.onReady?.({ metricsUrl: metrics.url, floor })

    let trigger = 'first'
    for (;;) {
      const final = stopReason !== null || now() >= end.endsAt
      const section = () => ({ trigger: final ? 'final' : trigger, intervalSeconds: watch.intervalSeconds, follow: follower!.follow() })
      const running = evaluator.evaluate(section(), () => final || stopReason !== null)
      const evaluation = await raceStop(running, stopped.signal, () => sleep(FINAL_EVALUATION_BUDGET_MS).then(() => null))
      if (evaluation === null) {
        // @note SIGTERM must end the watch within 5 s: an evaluation still running then is abandoned (the resident
        // worker ends with the watch), and the final report says the gates were not all re-checked.
        void specs.cancel().catch(() => undefined)
        last = evaluator.writeCutShort(previous, `the watch ended (${stopReason}) before its last evaluation finished`, { ...section(), trigger: 'final' })
        appendWatchHistory(history, last.report, last.durationMs, last.runDir)
        metrics.recordEvaluation(last.report, last.durationMs)
        break
      }
      const changed = previous === null || statusKey(previous) !== statusKey(evaluation.report)
      last = evaluation
      appendWatchHistory(history, evaluation.report, evaluation.durationMs, evaluation.runDir)
      metrics.recordEvaluation(evaluation.report, evaluation.durationMs)
      const changes = changed ? gateChanges(previous, evaluation.report) : []
      say(`${evaluation.report.finishedAt} ${evaluation.report.verdict} (${evaluation.report.watch?.trigger}, ${(evaluation.durationMs / 1000).toFixed(1)} s)${changed ? ` changed: ${changes.map((change) => `${change.gate} ${change.to}`).join(', ')}; ${evaluation.runDir}` : ''}`)
      if (changed && stopReason === null) {
        notifier.send(buildNotification(evaluation.report, previous, changes, evaluation.runDir))
        await options.halt?.consider(evaluation.report, previous)
      }
      previous = evaluation.report
      if (final || stopReason !== null) break
      trigger = await nextWake(Math.min(intervalMs, Math.max(0, end.endsAt.getTime() - now().getTime())), follower, stopped.signal)
    }
    say(`openbell watch ended (${stopReason ?? end.why}); final verdict ${last?.report.verdict}; report: ${last?.runDir}; spec worker processes started: ${specs.workersStarted}`)
    return last?.report ?? null
  } finally {
    follower?.close()
    await notifier.drain(stopReason !== null ? 500 : 3_000)
    await specs?.close().catch(() => undefined)
    await metrics?.close()
    // @note the final report is written and sealed by now: the floor's stop can neither delay nor change it.
    if (floor) await tearDownFloor(floor, { deadlineMs: TEARDOWN_DEADLINE_MS, progress })
    removeDnsGuard()
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The kubeconfig the follower watches through: the floor's, or the one the CLI loaded; never loaded a second way. */
function followedKubeConfig(floor: StartedFloor | null, loaded: KubeConfig | null, kubeContext: string | null): { kubeConfig: KubeConfig | null; kubeConfigProblem?: string } {
  if (!floor) return loaded ? { kubeConfig: loaded } : { kubeConfig: null, kubeConfigProblem: 'no kubeconfig was loaded' }
  try {
    return { kubeConfig: loadKubeConfig({ kubeconfigPath: floor.kubeconfigPath, kubeContext }) }
  } catch (error) {
    return { kubeConfig: null, kubeConfigProblem: `the floor's kubeconfig could not be loaded (${error instanceof Error ? error.message : String(error)})` }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** Waits for the next reason to evaluate: the interval, a followed object's change, or the operator's stop. */
async function nextWake(ms: number, follower: KubeFollower, stop: AbortSignal): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const done = new AbortController()
  try {
    const wake = Promise.race([
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('interval'), ms))),
      follower.nextChange(done.signal).then((kind) => `kube:${kind}`),
    ])
    return await raceStop(wake, stop, () => 'stop')
  } finally {
    clearTimeout(timer)
    done.abort()
  }
}
