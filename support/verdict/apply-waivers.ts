import type { GateReport, WaiverReport } from './readiness-report.ts'
import { UNWAIVABLE_GATES } from '../gates/index.ts'
import { computeGateStatus } from './compute-verdict.ts'
import type { Waiver } from './waiver-schema.ts'

/**
 * Applies validated waivers to the collected gates: a `fail` or `unverified` check named by a waiver becomes
 * `waived` and keeps what it was in `waived.from`; its gate's status is recomputed. A gate whose status came from
 * the gate itself (its spec did not load, a permission was missing) keeps it: only checks can be waived.
 * Checks of {@link UNWAIVABLE_GATES} are never touched, even if a waiver slipped past validation.
 */
export function applyWaivers(gates: readonly GateReport[], waivers: readonly Waiver[]): { gates: GateReport[]; waivers: WaiverReport[] } {
  const used = new Set<string>()
  const waived = gates.map((gate): GateReport => {
    if ((UNWAIVABLE_GATES as readonly string[]).includes(gate.id)) return gate
    const checks = gate.checks.map((check) => {
      const key = `${gate.id}/${check.id}`
      const waiver = waivers.find((candidate) => candidate.check === key)
      if (!waiver || (check.status !== 'fail' && check.status !== 'unverified')) return check
      used.add(key)
      return {
        ...check,
        status: 'waived' as const,
        waived: { from: check.status, ticket: waiver.ticket, owner: waiver.owner, expires: waiver.expires },
      }
    })
    // @note a gate reason means the status did not come from the checks alone (see collectGates): keep it.
    return { ...gate, checks, status: gate.reason === null ? computeGateStatus(checks) : gate.status }
  })
  return { gates: waived, waivers: waivers.map((waiver) => ({ ...waiver, applied: used.has(waiver.check) })) }
}
