import { mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/index.ts'
import type { ReadinessReport, WatchReportSection, ObservedRun, LoadedWaivers } from '../verdict/index.ts'
import { writeRunReports, createRunId } from '../report/index.ts'
import { createRunContextChannel, createRunContext, violationsFileOf } from '../context/index.ts'
import type { RunContext, RunFacts } from '../context/index.ts'
import type { StartedFloor } from '../run/index.ts'
import type { RunClusterFacts } from '../prepare/index.ts'
import { computeVerdict, type RunProblem } from '../verdict/index.ts'
import { firstLineOf } from '../errors.ts'
import { buildWatchReport } from './build-watch-report.ts'
import { statusKey } from './gate-changes.ts'
import type { ResidentSpecs } from './resident-specs.ts'
import { createViolationLedger } from './violation-ledger.ts'

/** One evaluation of the watch. */
export interface Evaluation {
  report: ReadinessReport
  /** The run folder written for it, or `null` when nothing changed since the previous evaluation. */
  runDir: string | null
  durationMs: number
}

/** What the evaluator works with; all of it lives as long as the watch. */
export interface WatchEvaluatorOptions {
  config: ResolvedConfig
  specs: ResidentSpecs
  /** Reads the cluster's identity and the permission preflight (`readRunCluster`), never throwing for the target's faults. */
  readCluster: () => Promise<RunClusterFacts>
  /** How old the cluster facts may be before an evaluation reads them again: 2 × `--interval` (stale knowledge is not a pass). */
  clusterFreshMs: number
  /** The floor's Firestore emulator and worker setup (emulator mode), else what a cluster run uses. */
  floorFacts: Pick<RunFacts, 'firestoreEmulator' | 'workerSetup'>
  floor: StartedFloor | null
  /** The scenario put on the running floor since it started (emulator mode), for the report. @default () => null */
  appliedScenario?: () => string | null
  waivers: () => LoadedWaivers
  /** Where an evaluation's evidence is gathered before it is known whether it is kept. */
  pendingDir: string
  /** Told the violations file of the evaluation starting: where the runner's own DNS guard records an attempt meanwhile. */
  onViolationsFile?: (file: string) => void
  /** Where the runner's DNS guard recorded attempts before the first evaluation (the floor's start): the first counts them. */
  runnerViolationsFile?: string
  now?: () => Date
}

/**
 * Evaluates the runbook on demand with the resident specs and decides each evaluation fail-closed, as a single run:
 * a new frozen `RunContext` per evaluation (`createRunContext`), handed to the worker through its own context channel.
 * An evaluation whose verdict and gate statuses equal the previous one's leaves no folder (bounded disk); one that
 * changes them, and the final one, is moved under `--reports` as a complete run folder (`openbell verify` holds).
 */
export class WatchEvaluator {
  readonly #options: WatchEvaluatorOptions
  readonly #violations: ReturnType<typeof createViolationLedger>
  #cluster: { facts: RunClusterFacts; readAt: number } | null = null
  #previousKey: string | null = null
  #abandoned = false

  constructor(options: WatchEvaluatorOptions) {
    this.#options = options
    this.#violations = createViolationLedger(options.runnerViolationsFile ? [options.runnerViolationsFile] : [])
  }

  /**
   * Runs one evaluation; `keep()`, asked when it is decided, forces a run folder (the final one). The cluster facts
   * are read again for every evaluation but one a Kubernetes change started while they are fresh. Never throws for a
   * fault of the target.
   */
  async evaluate(watch: WatchReportSection, keep: () => boolean = () => false): Promise<Evaluation> {
    const { config } = this.#options
    const now = this.#options.now ?? (() => new Date())
    const startedAt = now()
    const runId = createRunId(startedAt, config.env)
    const pending = path.join(this.#options.pendingDir, runId)
    mkdirSync(pending, { recursive: true, mode: 0o700 })
    const appliedScenario = this.#options.appliedScenario?.() ?? null
    const problems: RunProblem[] = []
    let observed: ObservedRun | null = null
    let context: RunContext | null = null
    const channel = createRunContextChannel()
    // @note before the cluster is read: an attempt the runner makes while reading it belongs to this evaluation.
    this.#options.onViolationsFile?.(violationsFileOf(pending))
    try {
      const cluster = await this.#clusterFacts(watch.trigger.startsWith('kube:'))
      context = createRunContext(config, { runId, runDir: pending, ...cluster, ...this.#options.floorFacts })
      channel.deliver(context)
      observed = await this.#options.specs.evaluate(channel.file)
    } catch (error) {
      problems.push({ severity: 'unverified', message: `openbell could not complete the evaluation: ${firstLineOf(error)}` })
    } finally {
      channel.dispose()
    }
    if (context === null) {
      context = createRunContext(config, { runId, runDir: pending, cluster: { kubeconfigPath: null, context: config.kubeContext, server: null, version: null, problem: 'not read' }, preflight: null, ...this.#options.floorFacts })
    }
    // @note the final verdict is the last: its worker is closed first, so an attempt its checks' left-over work makes
    // is counted in it, as in a single run (`run-specs.ts`), rather than in a verdict that never comes.
    if (watch.trigger === 'final') await this.#options.specs.close().catch(() => undefined)
    problems.push(...this.#violations.collect(context.violationsFile))
    const report = buildWatchReport({ config, context, startedAt, finishedAt: now(), observed, problems, waivers: this.#options.waivers(), floor: this.#options.floor, appliedScenario, watch })
    const durationMs = new Date(report.finishedAt).getTime() - startedAt.getTime()
    if (this.#abandoned) {
      // @note the watch already wrote its final report without this evaluation (it ended first): nothing more is written.
      rmSync(pending, { recursive: true, force: true })
      return { report, runDir: null, durationMs }
    }
    const key = statusKey(report)
    const changed = key !== this.#previousKey
    this.#previousKey = key
    let runDir: string | null = null
    if (changed || keep()) {
      runDir = path.join(config.reportsDir, runId)
      renameSync(pending, runDir)
      writeRunReports(report, runDir, process.env, { historyDir: config.historyDir })
    } else {
      rmSync(pending, { recursive: true, force: true })
    }
    return { report, runDir, durationMs }
  }

  /**
   * The final report when the watch must end before an evaluation could finish (SIGTERM's 5 s): the last complete
   * evaluation's gates, with the reason as a problem, so the final verdict is NO-GO (what was not re-checked is
   * not a pass). Written as a complete run folder.
   */
  writeCutShort(last: ReadinessReport | null, reason: string, watch: WatchReportSection): Evaluation {
    this.#abandoned = true
    const { config } = this.#options
    const now = this.#options.now ?? (() => new Date())
    const startedAt = now()
    const runId = createRunId(startedAt, config.env)
    const runDir = path.join(config.reportsDir, runId)
    const problems: RunProblem[] = [
      ...(last?.problems ?? []),
      { severity: 'unverified', message: `${reason}${last ? `; the gates are those of the last complete evaluation, ${last.runId}` : '; no evaluation had completed'}` },
    ]
    const gates = last?.gates ?? []
    const cluster = this.#cluster?.facts ?? { cluster: { kubeconfigPath: null, context: config.kubeContext, server: null, version: null, problem: 'not read' }, preflight: null }
    const context = createRunContext(config, { runId, runDir, ...cluster, ...this.#options.floorFacts })
    const base = last ?? buildWatchReport({ config, context, startedAt, finishedAt: startedAt, observed: null, problems: [], waivers: this.#options.waivers(), floor: this.#options.floor, watch })
    const report: ReadinessReport = { ...base, ...computeVerdict(gates, problems), runId, startedAt: startedAt.toISOString(), finishedAt: now().toISOString(), problems, watch }
    writeRunReports(report, runDir, process.env, { historyDir: config.historyDir })
    return { report, runDir, durationMs: 0 }
  }

  async #clusterFacts(kubeTriggered: boolean): Promise<RunClusterFacts> {
    const held = this.#cluster
    if (kubeTriggered && held !== null && performance.now() - held.readAt < this.#options.clusterFreshMs) return held.facts
    const facts = await this.#options.readCluster()
    this.#cluster = { facts, readAt: performance.now() }
    return facts
  }
}
