import type { ResolvedConfig } from '../config/index.ts'
import { OPENBELL_VERSION, readOpenbellCommit } from '../report/index.ts'
import type { ReadinessReport, WatchReportSection, RunProblem, ObservedRun, LoadedWaivers } from '../verdict/index.ts'
import type { RunContext } from '../context/index.ts'
import { describeRunTarget } from '../run/index.ts'
import type { StartedFloor } from '../run/index.ts'
import { decideRun, attachNextSteps } from '../verdict/index.ts'
import { GATE_MANIFEST } from '../gates/index.ts'

/** What one evaluation of the watch observed, to be decided. */
export interface WatchObservation {
  config: ResolvedConfig
  /** The evaluation's context, as its spec worker received it. */
  context: RunContext
  startedAt: Date
  finishedAt: Date
  /** What vitest reported; `null` when the evaluation did not complete. */
  observed: ObservedRun | null
  problems: readonly RunProblem[]
  waivers: LoadedWaivers
  floor: StartedFloor | null
  /** The scenario put on the running floor through `/floor/scenario` when this evaluation started, if any. @default null */
  appliedScenario?: string | null
  watch: WatchReportSection
}

/**
 * Decides one evaluation with the same fail-closed rules as a single run (`decideRun`, the gate manifest, the blocked
 * gates of the context's preflight) and shapes the same `readiness_report.json`, so a watch's run folder reads and
 * verifies like any other; only the `watch` section is added.
 */
export function buildWatchReport(input: WatchObservation): ReadinessReport {
  const { config, context } = input
  const filtered = config.gateFilter.length > 0 || config.testNamePattern !== null
  const problems: RunProblem[] = [
    ...(filtered ? [{ severity: 'unverified' as const, message: 'the watch was filtered to some gates or checks; a filtered run is never GO' }] : []),
    ...input.waivers.problems,
    ...input.problems,
    ...(input.observed === null ? [{ severity: 'unverified' as const, message: 'the evaluation did not complete: no check was observed' }] : []),
    ...(input.observed?.unhandledErrors ?? []).map((message) => ({ severity: 'unverified' as const, message: `unhandled error: ${message}` })),
    ...(input.observed?.reason === 'interrupted' ? [{ severity: 'unverified' as const, message: 'the evaluation was interrupted' }] : []),
  ]
  const decision = decideRun({
    manifest: GATE_MANIFEST,
    modules: input.observed?.modules ?? [],
    selected: config.gateFilter,
    blocked: context.preflight?.blockedGates ?? {},
    waivers: input.waivers.waivers,
    problems,
  })
  return {
    schemaVersion: 1,
    tool: 'openbell',
    openbellVersion: OPENBELL_VERSION,
    openbellCommit: readOpenbellCommit(process.env) ?? null,
    verdict: decision.verdict,
    verdictText: decision.verdictText,
    exitCode: decision.exitCode,
    env: config.env,
    runId: context.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    target: describeRunTarget(config, context),
    authorization: config.authorization,
    filtered,
    emulators: input.floor
      ? {
          scenario: config.scenario,
          startupMs: input.floor.startupMs,
          notes: [...input.floor.notes, ...(input.appliedScenario ? [`scenario ${input.appliedScenario} was put on the running floor (POST /floor/scenario)`] : [])],
        }
      : null,
    problems: decision.problems,
    waiversFile: input.waivers.file,
    waivers: decision.waivers,
    preflight: context.preflight,
    gates: attachNextSteps(decision.gates, context),
    counts: decision.counts,
    watch: input.watch,
  }
}
