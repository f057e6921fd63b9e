import type { GateReport, WaiverReport } from './readiness-report.ts'
import { applyWaivers } from './apply-waivers.ts'
import type { Waiver } from './waiver-schema.ts'
import type { GateId, GateDefinition } from '../gates/index.ts'
import { collectGates, type ObservedModule } from './collect-gates.ts'
import { computeVerdict, type RunProblem, type VerdictDecision } from './compute-verdict.ts'

/** Everything the verdict of a run is decided from. */
export interface RunDecisionInput {
  manifest: readonly GateDefinition[]
  modules: readonly ObservedModule[]
  /** Gates named on the command line; empty means all. */
  selected: readonly GateId[]
  /** Gates the permission check found blocked, with the reason. */
  blocked: Readonly<Partial<Record<GateId, string>>>
  /** Valid waivers (invalid ones are already among the problems). */
  waivers: readonly Waiver[]
  /** Problems of the run found so far. */
  problems: readonly RunProblem[]
}

/** The decided run: gates with waivers applied, every problem, the waivers as reported, the verdict and counts. */
export interface RunDecision extends VerdictDecision {
  gates: GateReport[]
  problems: RunProblem[]
  waivers: WaiverReport[]
  counts: { passed: number; failed: number; skipped: number; waived: number }
}

/**
 * Decides a run, fail-closed, in one pure step: collect the gates (a blocked gate is at best unverified), apply the
 * waivers, then compute the verdict. `openbell verify` re-derives the verdict from a report with the same rules.
 */
export function decideRun(input: RunDecisionInput): RunDecision {
  const collected = collectGates(input.manifest, input.modules, { selected: input.selected, blocked: input.blocked })
  const { gates, waivers } = applyWaivers(collected.gates, input.waivers)
  const problems = [...input.problems, ...collected.problems]
  return { ...computeVerdict(gates, problems), gates, problems, waivers, counts: countChecks(gates) }
}

/** Checks by status: `skipped` counts unverified and optional-not-run checks, `waived` the waived ones. */
export function countChecks(gates: readonly GateReport[]): RunDecision['counts'] {
  const checks = gates.flatMap((gate) => gate.checks)
  return {
    passed: checks.filter((check) => check.status === 'pass').length,
    failed: checks.filter((check) => check.status === 'fail').length,
    skipped: checks.filter((check) => check.status === 'unverified' || check.status === 'optional-not-run').length,
    waived: checks.filter((check) => check.status === 'waived').length,
  }
}
