import { describe, expect, it } from 'vitest'
import type { KillSwitchGap } from './index.ts'
import { judgeKillSwitchWiring } from './kill-switch-wiring.ts'

const gap = (outcome: KillSwitchGap['outcome'], message: string): KillSwitchGap => ({ object: 'Deployment/trading-floor/x', container: 'c', agentMode: 'OFF', outcome, message })
const AGENTS = ['Deployment/trading-floor/x container c', 'StatefulSet/trading-floor/y container d']

describe('judgeKillSwitchWiring', () => {
  it('passes when every agent is wired', () => {
    expect(judgeKillSwitchWiring({ agents: AGENTS, gaps: [] }, 9)).toEqual({
      status: 'pass',
      reason: '2 agent container(s) take EXECUTION_HALTED from the kill-switch ConfigMap',
      findings: [],
    })
  })

  it('fails on an agent that is not wired, even beside one it cannot tell of, naming each', () => {
    const gaps = [gap('cannot-tell', 'x cannot tell'), gap('not-wired', 'x is not wired'), gap('not-wired', 'y is not wired')]
    expect(judgeKillSwitchWiring({ agents: AGENTS, gaps }, 9)).toEqual({ status: 'fail', reason: 'x is not wired; y is not wired', findings: gaps })
  })

  it('is unverified when it cannot tell of an agent and finds none unwired', () => {
    const gaps = [gap('cannot-tell', 'x may be redefined by a Secret')]
    expect(judgeKillSwitchWiring({ agents: AGENTS, gaps }, 9)).toEqual({ status: 'unverified', reason: 'x may be redefined by a Secret', findings: gaps })
  })

  it('is unverified, never passed, when there is no agent at all', () => {
    expect(judgeKillSwitchWiring({ agents: [], gaps: [] }, 4)).toEqual({
      status: 'unverified',
      reason:
        'no agent found in 4 workloads and pods (no container with AGENT_MODE, no execution workload): the trading floor ' +
        'always has agents, so this judged nothing; check --namespace',
      findings: [],
    })
  })
})
