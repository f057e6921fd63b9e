import { EXIT_CODES, type CheckStatus, type ExitCode, type GateStatus, type Verdict } from './api.ts'

/** Something wrong with the run as a whole rather than with one check. */
export interface RunProblem {
  /** `fail` when the problem is itself a fault (e.g. the live host was contacted), else `unverified`. */
  severity: 'fail' | 'unverified'
  message: string
}

/**
 * A gate's status from its checks: `fail` if any check failed, else `unverified` if any required check
 * was not proven (or none ran at all), else `pass`. Optional checks that did not run do not count.
 */
export function computeGateStatus(checks: readonly { status: CheckStatus }[]): GateStatus {
  if (checks.some((check) => check.status === 'fail')) return 'fail'
  const required = checks.filter((check) => check.status !== 'optional-not-run')
  if (required.length === 0) return 'unverified'
  return required.every((check) => check.status === 'pass') ? 'pass' : 'unverified'
}

/** The verdict of a run and its exit code: GO (0) only if every gate passed and the run had no problem. */
export function computeVerdict(
  gates: readonly { status: GateStatus }[],
  problems: readonly RunProblem[],
): { verdict: Verdict; exitCode: ExitCode } {
  const failed = gates.some((gate) => gate.status === 'fail') || problems.some((problem) => problem.severity === 'fail')
  if (failed) return { verdict: 'NO-GO', exitCode: EXIT_CODES.fail }
  const go = gates.length > 0 && gates.every((gate) => gate.status === 'pass') && problems.length === 0
  return go ? { verdict: 'GO', exitCode: EXIT_CODES.go } : { verdict: 'NO-GO', exitCode: EXIT_CODES.unverified }
}
