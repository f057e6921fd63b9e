import {
  EXIT_CODES,
  type CheckStatus,
  type ExitCode,
  type GateStatus,
  type Verdict,
  type VerdictText,
} from '../gates/index.ts'

/** Something wrong with the run as a whole rather than with one check. */
export interface RunProblem {
  /** `fail` when the problem is itself a fault (e.g. the live host was contacted), else `unverified`. */
  severity: 'fail' | 'unverified'
  message: string
}

/**
 * A gate's status from its checks: `fail` if any check failed, else `unverified` if any required check
 * was not proven (or none ran at all), else `waived` if a required check was waived, else `pass`.
 * Optional checks that did not run do not count.
 */
export function computeGateStatus(checks: readonly { status: CheckStatus }[]): GateStatus {
  if (checks.some((check) => check.status === 'fail')) return 'fail'
  const required = checks.filter((check) => check.status !== 'optional-not-run')
  if (required.length === 0) return 'unverified'
  if (!required.every((check) => check.status === 'pass' || check.status === 'waived')) return 'unverified'
  return required.some((check) => check.status === 'waived') ? 'waived' : 'pass'
}

/** The decision of a run: the verdict, how people read it, and the exit code. */
export interface VerdictDecision {
  verdict: Verdict
  /** `GO with waivers` when the GO leaned on a waived gate. */
  verdictText: VerdictText
  exitCode: ExitCode
}

/**
 * The verdict of a run and its exit code: GO (0) only if every gate passed (or was waived) and the run had no
 * problem; NO-GO 1 if a gate or a problem failed, else NO-GO 3.
 */
export function computeVerdict(gates: readonly { status: GateStatus }[], problems: readonly RunProblem[]): VerdictDecision {
  const failed = gates.some((gate) => gate.status === 'fail') || problems.some((problem) => problem.severity === 'fail')
  if (failed) return { verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: EXIT_CODES.fail }
  const go =
    gates.length > 0 && gates.every((gate) => gate.status === 'pass' || gate.status === 'waived') && problems.length === 0
  if (!go) return { verdict: 'NO-GO', verdictText: 'NO-GO', exitCode: EXIT_CODES.unverified }
  const waived = gates.some((gate) => gate.status === 'waived')
  return { verdict: 'GO', verdictText: waived ? 'GO with waivers' : 'GO', exitCode: EXIT_CODES.go }
}
