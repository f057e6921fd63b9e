import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/index.ts'
// @note from their own modules, not `network/index.ts`: that one also exports the msw guard of the spec workers, and
// loading msw here cost the runner's process ~70 modules it never uses (~0.17 s of CPU and ~19 MB natively).
import { withinDeadline } from '../within-deadline.ts'
import { appendViolationTo, readViolationsFrom, installDnsLiveHostGuard, createViolation } from '../network/index.ts'
import { CODE_ROOT, PROJECT_ROOT } from '../project-paths.ts'
import { OPENBELL_VERSION, readOpenbellCommit, writeRunReports, createRunId } from '../report/index.ts'
import type { ReadinessReport, RunProblem } from '../verdict/index.ts'
import { createRunContextChannel, registerActiveRun, createRunContext, violationsFileOf } from '../context/index.ts'
import type { RunContext } from '../context/index.ts'
import { decideRun, attachNextSteps, loadWaivers } from '../verdict/index.ts'
import { GATE_MANIFEST, specFileOf, type GateDefinition } from '../gates/index.ts'
import { floorRequestOf, type StartFloor, type StartedFloor } from './floor.ts'
import { firstLineOf } from '../errors.ts'
import { describeRunTarget } from './describe-run-target.ts'
import { SILENT_PROGRESS, waitingFor, type Progress } from './progress.ts'
import { readClusterInWorker, seedInWorker } from '../prepare/index.ts'
import { runSpecs } from './run-specs.ts'
import { tearDownFloor, type TeardownOutcome } from './tear-down-floor.ts'

/** The project root: where `package.json`, `fixtures/` and `node_modules/` live. */
export { PROJECT_ROOT }
export { createRunContext, DEFAULT_CRITICAL_SERVICES } from '../context/index.ts'

/** Options of {@link runRunbook}. */
export interface RunRunbookOptions {
  config: ResolvedConfig
  /** Starts the emulator floor; required with `--env=emulators`. */
  startFloor?: StartFloor
  /** The folder of gate specs. @default `<project>/specs` */
  specsDir?: string
  /** The gates expected to run. @default GATE_MANIFEST */
  manifest?: readonly GateDefinition[]
  /** @default () => new Date() */
  now?: () => Date
  /**
   * Called once the verdict is decided and the reports are sealed, before the emulator floor stops: where the CLI
   * prints the verdict, so nothing the floor's stop does can delay, change or hide it. @default nothing
   */
  onVerdict?: (sealed: SealedRun) => void
  /** Shows what the run is waiting for: the floor's start-up, the API server, the spec worker, a slow check, the floor's stop. @default SILENT_PROGRESS */
  progress?: Progress
  /** How long the floor may take to stop after the verdict. @default RUN_RUNBOOK_DEFAULTS.teardownDeadlineMs */
  teardownDeadlineMs?: number
}

/** Defaults of {@link RunRunbookOptions}. */
export const RUN_RUNBOOK_DEFAULTS = Object.freeze({
  /**
   * @note a backstop against a stop that hangs, not the usual time (~0.3 s): longer than the longest stop expected,
   * the Firestore emulator's first start writing its class-data archive (20 s, `emulators/firestore/DECISIONS.md`).
   * The verdict is printed by then; past it, openbell exits and its exit hook kills what is left of the floor.
   */
  teardownDeadlineMs: 25_000,
  /** How long an aborted run waits for its spec worker to end before it seals its report again (the abort's own bound is 10 s). */
  abortWorkerEndMs: 5_000,
})

/** A run whose verdict is decided and whose reports are written and sealed (manifest, signature). */
export interface SealedRun {
  report: ReadinessReport
  runDir: string
  /** The context the spec workers received; `null` when the run stopped before it could be built. */
  context: RunContext | null
}

/** What a run produced. */
export interface RunOutcome extends SealedRun {
  /** How the emulator floor's stop went, after the verdict (which it never changes); `null` without a floor. */
  teardown: TeardownOutcome | null
}

/**
 * Runs the runbook once: starts the emulator floor (emulator mode), runs the gate specs in vitest, decides the
 * verdict fail-closed, writes and seals the reports, hands them to `onVerdict`, and only then stops the floor, within
 * a deadline. It never throws for a fault of the target; a crash of the harness itself still produces a NO-GO report.
 */
export async function runRunbook(options: RunRunbookOptions): Promise<RunOutcome> {
  const { config } = options
  const progress = options.progress ?? SILENT_PROGRESS
  const now = options.now ?? (() => new Date())
  const manifest = options.manifest ?? GATE_MANIFEST
  const specsDir = options.specsDir ?? path.join(CODE_ROOT, 'specs')
  const startedAt = now()
  const openbellCommit = readOpenbellCommit(process.env) ?? null
  const runId = createRunId(startedAt, config.env)
  const runDir = path.join(config.reportsDir, runId)
  mkdirSync(runDir, { recursive: true, mode: 0o700 })

  const problems: RunProblem[] = []
  const filtered = config.gateFilter.length > 0 || config.testNamePattern !== null
  if (filtered) problems.push({ severity: 'unverified', message: 'the run was filtered to some gates or checks; a filtered run is never GO' })
  const waivers = loadWaivers(config.waiversFile, startedAt)
  problems.push(...waivers.problems)
  const violationsFile = violationsFileOf(runDir)

  let floor = null as StartedFloor | null
  let observed: Awaited<ReturnType<typeof runSpecs>> | null = null
  // @note built once, whole, when the run's facts are known; then only read (`run-context.ts`).
  let context: RunContext | null = null
  let abortReason: string | null = null
  let sealed: SealedRun
  let specsEnded: Promise<unknown> = Promise.resolve()
  // @note settles when vitest's run is over, however it ends: the spec worker answers the runner's errands (below)
  // only while it lives, and a run whose worker never started must not wait for an answer.
  let endWorker = (): void => undefined
  const workerEnded = new Promise<void>((resolve) => (endWorker = resolve))
  // @note a provisional NO-GO report first: if the process dies before the verdict, that is what stays behind.
  finish(['the run did not complete: openbell stopped before reaching a verdict'])
  const channel = createRunContextChannel()
  const unregister = registerActiveRun({
    abort: (reason) => {
      abortReason = reason
      finish()
    },
    stop: async () => {
      await floor?.stop()
      // @note the checks end quickly once the floor is down, and runSpecs returns only when the spec worker is gone:
      // waited for (bounded), so no check writes evidence after the seal below.
      await withinDeadline(specsEnded, RUN_RUNBOOK_DEFAULTS.abortWorkerEndMs, () => new Error('the spec worker did not end')).catch(() => undefined)
      // @note sealed again once the floor is down: what arrived after the abort's first report (a line of the
      // Kubernetes stand-in's request log, a check's evidence) is then in the manifest, and `openbell verify` holds.
      finish()
    },
  })
  // @note the runner's own process reads the cluster, starts and seeds the floor: it never needs the live broker host
  // either, so a lookup of it here is refused and recorded like one from a spec worker (msw is not loaded here; the
  // DNS layer is what every socket to a host name goes through).
  const removeDnsGuard = installDnsLiveHostGuard((hostname) =>
    appendViolationTo(violationsFile)(createViolation(`dns:${hostname}`, 'LOOKUP', 'dns')),
  )
  try {
    // @note the run's facts and vitest start together: the spec worker loads its libraries while the Firestore
    // emulator boots and is seeded and the cluster is looked at, and waits for the whole context before any spec runs.
    const contextReady = prepareContext().then(
      (built) => {
        context = built
        channel.deliver(built)
      },
      (error: unknown) => {
        const what = config.env === 'emulators' && floor === null ? 'The emulator floor did not start' : 'openbell could not prepare the run'
        channel.fail(`${what}: ${firstLineOf(error)}`)
        throw error
      },
    )
    const specsRun = runSpecs({
      contextChannel: channel.file,
      specsDir,
      root: PROJECT_ROOT,
      gateFilter: config.gateFilter.map((gate) => specFileOf(gate)),
      testNamePattern: config.testNamePattern,
      checkTimeoutMs: config.checkTimeoutMs,
      waivedChecks: waivers.waivers.map((waiver) => waiver.check),
      progress,
    })
    specsEnded = specsRun.catch(() => undefined)
    void specsEnded.then(endWorker)
    const [prepared, specs] = await Promise.allSettled([contextReady, specsRun])
    if (prepared.status === 'rejected') throw prepared.reason
    if (specs.status === 'rejected') throw specs.reason
    observed = specs.value
    problems.push(...observed.unhandledErrors.map((message) => ({ severity: 'unverified' as const, message: `unhandled error: ${message}` })))
    if (observed.reason === 'interrupted') problems.push({ severity: 'unverified', message: 'the run was interrupted' })
    problems.push(...readViolations(violationsFile))
    sealed = finish()
  } catch (error) {
    problems.push({ severity: 'unverified', message: `openbell could not complete the run: ${firstLineOf(error)}` })
    problems.push(...readViolations(violationsFile))
    sealed = finish()
  } finally {
    unregister()
  }
  // @note from here the reports are sealed and the verdict is final: the floor's stop comes after the verdict is
  // shown and can neither delay it nor change it. An abort now (Ctrl-C, a crash in the floor's stop) leaves the
  // reports alone and ends with the verdict's exit code (`active-runs.ts`).
  let stopping: Promise<TeardownOutcome | null> = Promise.resolve(null)
  const unregisterSettled = registerActiveRun({ abort: () => undefined, stop: async () => void (await stopping), settledExitCode: sealed.report.exitCode })
  try {
    options.onVerdict?.(sealed)
  } finally {
    const deadlineMs = options.teardownDeadlineMs ?? RUN_RUNBOOK_DEFAULTS.teardownDeadlineMs
    stopping = floor ? tearDownFloor(floor, { deadlineMs, progress }) : stopping
    await stopping
    unregisterSettled()
    channel.dispose()
    removeDnsGuard()
  }
  return { ...sealed, teardown: await stopping }

  /**
   * The run's facts, found once: the emulator floor (emulator mode), then the cluster it points at. The seeding and
   * the cluster's reading are the spec worker's errands: it loads the Firestore and Kubernetes clients for the gates
   * anyway, and this thread then loads neither (`prepare/`). In cluster mode the worker reads the kubeconfig from
   * the same sources as the CLI's check and the gates (its environment, `--kube-context`).
   */
  async function prepareContext(): Promise<RunContext> {
    if (config.env === 'emulators') {
      if (!options.startFloor) throw new Error('emulator mode needs the emulator floor, and none was provided')
      floor = await options.startFloor({ ...floorRequestOf(config, runDir, seedInWorker(channel, workerEnded)), progress })
    }
    const { cluster, preflight } = await waitingFor(progress, 'the API server (its version and the permission preflight)', () =>
      readClusterInWorker(
        channel,
        { config: { namespace: config.namespace, kubeContext: config.kubeContext, requestTimeoutMs: config.requestTimeoutMs }, kubeconfigPath: floor?.kubeconfigPath ?? null },
        workerEnded,
      ),
    )
    const emulatorHost = floor?.firestoreEmulatorHost ?? (config.env === 'cluster' ? (process.env.FIRESTORE_EMULATOR_HOST ?? null) : null)
    return createRunContext(config, {
      runId,
      runDir,
      cluster,
      firestoreEmulator: emulatorHost ? { host: emulatorHost, backend: floor?.firestoreBackend ?? 'FIRESTORE_EMULATOR_HOST' } : null,
      preflight,
      workerSetup: { files: floor?.workerSetupFiles ?? [], env: { ...floor?.workerEnv } },
    })
  }

  function finish(reasons: string[] = []): SealedRun {
    const decision = decideRun({
      manifest,
      modules: observed?.modules ?? [],
      selected: config.gateFilter,
      blocked: context?.preflight?.blockedGates ?? {},
      waivers: waivers.waivers,
      problems: [
        ...problems,
        ...[...reasons, ...(abortReason ? [abortReason] : [])].map((message) => ({ severity: 'unverified' as const, message })),
      ],
    })
    const report: ReadinessReport = {
      schemaVersion: 1,
      tool: 'openbell',
      openbellVersion: OPENBELL_VERSION,
      openbellCommit,
      verdict: decision.verdict,
      verdictText: decision.verdictText,
      exitCode: decision.exitCode,
      env: config.env,
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      target: describeRunTarget(config, context),
      authorization: config.authorization,
      filtered,
      emulators: floor ? { scenario: config.scenario, startupMs: floor.startupMs, notes: floor.notes } : null,
      problems: decision.problems,
      waiversFile: waivers.file,
      waivers: decision.waivers,
      preflight: context?.preflight ?? null,
      gates: attachNextSteps(decision.gates, context ?? config),
      counts: decision.counts,
    }
    // @note the provisional report (reasons given) must not reach the CI job summary; the final one replaces it on disk.
    writeRunReports(report, runDir, reasons.length > 0 ? { ...process.env, GITHUB_STEP_SUMMARY: '' } : process.env, { historyDir: config.historyDir })
    return { report, runDir, context }
  }
}

function readViolations(file: string): RunProblem[] {
  try {
    return readViolationsFrom(file).map((violation) => ({
      severity: 'fail' as const,
      message: `a request to the live broker host was attempted and refused: ${violation.method} ${violation.url}`,
    }))
  } catch (error) {
    return [{ severity: 'fail', message: `the live-host violations file ${file} is unreadable: ${firstLineOf(error)}` }]
  }
}
