/**
 * Gate `kill-switch` (its title, runbook sections, reads and check ids: support/verdict/gate-registry.ts).
 * Proves that execution is halted by the ConfigMap every agent reads, unless an operator authorized otherwise, that
 * every agent takes its EXECUTION_HALTED from that ConfigMap, and that the services report the same kill switch.
 */
import { describe, expect } from 'vitest'
import {
  CouldNotCheckError,
  findKillSwitchWiring,
  gateTitle,
  getRunContext,
  it,
  judgeKillSwitch,
  judgeKillSwitchReport,
  judgeObservedObjects,
  KILL_SWITCH,
  observeEndpoint,
  observeWorkloads,
  skipAsOptional,
} from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('kill-switch'), () => {
  it(`ConfigMap ${KILL_SWITCH.configMap} exists in the namespace`, { meta: { check: 'configmap-present' } }, async ({ kube, evidence, run }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    expect(configMap, `ConfigMap ${run.namespace}/${KILL_SWITCH.configMap}`).not.toBeNull()
  })

  it(`${KILL_SWITCH.key} holds exactly "1" (or execution is authorized)`, { meta: { check: 'halted' } }, async ({ kube, evidence, run }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    const judgement = judgeKillSwitch(configMap, run.authorization)
    evidence.values({ value: configMap?.data?.[KILL_SWITCH.key] ?? null, authorization: run.authorization, judgement: judgement.reason })
    expect(judgement.ok, judgement.reason).toBe(true)
  })

  it(`every agent takes ${KILL_SWITCH.key} from ConfigMap ${KILL_SWITCH.configMap}`, { meta: { check: 'agents-wired' } }, async ({ kube, evidence }) => {
    const { workloads, configMaps } = await observeWorkloads(kube, evidence)
    const { agents, gaps } = judgeObservedObjects('the kill-switch wiring rule', () => findKillSwitchWiring(workloads, configMaps))
    evidence.json('kill-switch-wiring', { agents, gaps })
    const notWired = gaps.filter((gap) => gap.outcome === 'not-wired')
    expect(notWired, notWired.map((gap) => gap.message).join('; ')).toEqual([])
    const cannotTell = gaps.filter((gap) => gap.outcome === 'cannot-tell')
    if (cannotTell.length > 0) throw new CouldNotCheckError(cannotTell.map((gap) => gap.message).join('; '))
    if (agents.length === 0) {
      throw new CouldNotCheckError(
        `no agent found in ${workloads.length} workloads and pods (no container with AGENT_MODE, no execution workload): ` +
          'the trading floor always has agents, so this judged nothing; check --namespace',
      )
    }
  })

  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('ops-status'))) {
    it(
      `${service.name} reports the kill switch the ConfigMap holds`,
      { meta: { check: `${service.name}.kill-switch-reported` } },
      async ({ kube, evidence, task, skip }) => {
        const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
        const response = await observeEndpoint(kube, evidence, service, '/ops/status')
        const judgement = judgeKillSwitchReport(service.name, configMap, response)
        evidence.values({ outcome: judgement.outcome, reason: judgement.reason })
        if (judgement.outcome === 'not-reported') skipAsOptional({ task, skip }, judgement.reason)
        if (judgement.outcome === 'no-reference') throw new CouldNotCheckError(judgement.reason)
        expect(judgement.outcome, judgement.reason).toBe('agrees')
      },
    )
  }
})
