import type { NextStep } from '../verdict/gate-next-steps.ts'
import type { ReadinessReport } from './readiness-report.ts'

/** One cause of a NO-GO and everything it took down. */
export interface Finding {
  /** `fail`: a check found the fault; `unverified`: it could not be checked. */
  severity: 'fail' | 'unverified'
  /** The reason, as the checks give it. */
  cause: string
  /** `gate/check` ids (or a gate id, for a gate-level reason) with this cause, in report order. */
  checks: string[]
  /** What to do first: the next step of the first check with this cause. */
  nextStep: NextStep | null
}

/**
 * "Why not GO", grouped by cause: the run's problems, then every gate-level reason and every failed or unverified
 * check, one entry per distinct reason (thirty checks unverified because the API server is unreachable are one
 * cause listing the thirty). Failures come before could-not-check causes.
 */
export function groupFindings(report: ReadinessReport): Finding[] {
  const byCause = new Map<string, Finding>()
  const add = (severity: Finding['severity'], cause: string, id: string, nextStep: NextStep | null) => {
    const key = `${severity}\u0000${cause}`
    const finding = byCause.get(key) ?? { severity, cause, checks: [], nextStep }
    finding.checks.push(id)
    byCause.set(key, finding)
  }
  for (const problem of report.problems ?? []) add(problem.severity, problem.message, 'run', null)
  for (const gate of report.gates) {
    if (gate.reason) add(gate.status === 'fail' ? 'fail' : 'unverified', gate.reason, gate.id, null)
    for (const check of gate.checks) {
      if (check.status !== 'fail' && check.status !== 'unverified') continue
      add(check.status, check.reason ?? 'no reason recorded', `${gate.id}/${check.id}`, check.nextStep ?? null)
    }
  }
  const findings = [...byCause.values()]
  return [...findings.filter((finding) => finding.severity === 'fail'), ...findings.filter((finding) => finding.severity === 'unverified')]
}
