import type { Judgement } from '../judgement.ts'
import type { KillSwitchGap, KillSwitchWiring } from './index.ts'

/**
 * Judges the kill switch's wiring found by `findKillSwitchWiring` over `observed` workloads and pods (runbook §5A):
 * an agent that does not take `EXECUTION_HALTED` from the ConfigMap fails; else one of which openbell cannot tell
 * leaves it unverified; else no agent at all is unverified too, since the trading floor always has agents and a rule
 * over none judged nothing. The findings are every gap.
 */
export function judgeKillSwitchWiring(wiring: KillSwitchWiring, observed: number): Judgement<KillSwitchGap> {
  const messages = (outcome: KillSwitchGap['outcome']) =>
    wiring.gaps.filter((gap) => gap.outcome === outcome).map((gap) => gap.message)
  const notWired = messages('not-wired')
  if (notWired.length > 0) return { status: 'fail', reason: notWired.join('; '), findings: wiring.gaps }
  const cannotTell = messages('cannot-tell')
  if (cannotTell.length > 0) return { status: 'unverified', reason: cannotTell.join('; '), findings: wiring.gaps }
  if (wiring.agents.length === 0) {
    return {
      status: 'unverified',
      reason:
        `no agent found in ${observed} workloads and pods (no container with AGENT_MODE, no execution workload): ` +
        'the trading floor always has agents, so this judged nothing; check --namespace',
      findings: [],
    }
  }
  return { status: 'pass', reason: `${wiring.agents.length} agent container(s) take EXECUTION_HALTED from the kill-switch ConfigMap`, findings: [] }
}
