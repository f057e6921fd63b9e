import type { NextStep, ReadinessReport } from '../verdict/index.ts'

/** One cause of a NO-GO and everything it took down. */
export interface Finding {
  /** `fail`: a check found the fault; `unverified`: it could not be checked. */
  severity: 'fail' | 'unverified'
  /** The cause: the reason as the checks give it, or one line for a connection every one of them failed to make. */
  cause: string
  /** One full reason of the checks, when the cause is shorter than it (e.g. a connection failure); else `null`. */
  example: string | null
  /** `gate/check` ids (or a gate id, for a gate-level reason) with this cause, in report order. */
  checks: string[]
  /** What to do first: the next step of the first check with this cause. */
  nextStep: NextStep | null
}

/** A socket-level failure and the address it names, whatever read ran into it. */
const CONNECTION_FAILURE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b[\s:]*([A-Za-z0-9.:[\]_-]+)?/

/** What to do first when openbell could not connect at all. */
const CONNECTION_NEXT_STEP: NextStep = { runbook: 'market-open-runbook §1A', command: 'kubectl cluster-info && kubectl auth can-i list pods' }

/** `could not connect to 127.0.0.1:6443 (ECONNREFUSED)` for a reason that failed on a connection, else `null`. */
export function connectionFailureOf(reason: string): string | null {
  const match = CONNECTION_FAILURE.exec(reason)
  if (!match) return null
  const address = match[2]?.replace(/[.:]+$/, '')
  return `could not connect${address ? ` to ${address}` : ''} (${match[1]})`
}

/**
 * "Why not GO", grouped by cause: the run's problems, then every gate-level reason and every failed or unverified
 * check, one entry per distinct reason (thirty checks unverified because the API server is unreachable are one
 * cause listing the thirty, whichever read each made). Failures come before could-not-check causes.
 */
export function groupFindings(report: ReadinessReport): Finding[] {
  const byCause = new Map<string, Finding>()
  const add = (severity: Finding['severity'], reason: string, id: string, nextStep: NextStep | null) => {
    const connection = connectionFailureOf(reason)
    const cause = connection ?? reason
    const key = `${severity}\u0000${cause}`
    const finding = byCause.get(key) ?? { severity, cause, example: connection ? reason : null, checks: [], nextStep: connection ? CONNECTION_NEXT_STEP : nextStep }
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
