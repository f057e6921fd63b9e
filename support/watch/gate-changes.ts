import type { ReadinessReport } from '../verdict/index.ts'
import type { GateStatus, Verdict } from '../gates/index.ts'

/** A gate whose status differs from the previous evaluation's, with why it is not passing now. */
export interface GateChange {
  gate: string
  from: GateStatus | null
  to: GateStatus
  /** `<check>: <reason>` of each failed or unverified check (empty when the gate passes now). */
  reasons: string[]
}

/** The statuses of an evaluation's gates, by gate id. */
export function gateStatuses(report: ReadinessReport): Record<string, GateStatus> {
  return Object.fromEntries(report.gates.map((gate) => [gate.id, gate.status]))
}

/** What makes two evaluations "the same" for history and notifications: the verdict and every gate's status. */
export function statusKey(report: ReadinessReport): string {
  return JSON.stringify([report.verdict, gateStatuses(report)])
}

/** The gates whose status changed from `previous` (every gate when there is none: the first verdict). */
export function gateChanges(previous: ReadinessReport | null, current: ReadinessReport): GateChange[] {
  const before = previous ? gateStatuses(previous) : {}
  return current.gates
    .filter((gate) => before[gate.id] !== gate.status)
    .map((gate) => ({
      gate: gate.id,
      from: before[gate.id] ?? null,
      to: gate.status,
      reasons: gate.checks
        .filter((check) => check.status === 'fail' || check.status === 'unverified')
        .map((check) => `${check.id}: ${check.reason ?? check.status}`),
    }))
}

/** The verdict of a report, or `null` for none. */
export function verdictOf(report: ReadinessReport | null): Verdict | null {
  return report?.verdict ?? null
}
