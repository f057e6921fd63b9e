/**
 * Gate `kill-switch` (its title, runbook sections, reads and check ids: support/gates/gate-registry.ts).
 * Proves that execution is halted by the ConfigMap every agent reads, unless an operator authorized otherwise, that
 * every agent takes its EXECUTION_HALTED from that ConfigMap, and that the services report the same kill switch.
 */
import { describe } from 'vitest'
import {
  findInObservedObjects,
  findKillSwitchWiring,
  gateTitle,
  getRunContext,
  it,
  judgeKillSwitch,
  judgeKillSwitchPresence,
  judgeKillSwitchReport,
  judgeKillSwitchWiring,
  KILL_SWITCH,
  observeEndpoint,
  observeWorkloads,
} from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('kill-switch'), () => {
  it(`ConfigMap ${KILL_SWITCH.configMap} exists in the namespace`, { meta: { check: 'configmap-present' } }, async ({ kube, evidence, run, expectJudgement }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    expectJudgement(judgeKillSwitchPresence(configMap, run.namespace))
  })

  it(`${KILL_SWITCH.key} holds exactly "1" (or execution is authorized)`, { meta: { check: 'halted' } }, async ({ kube, evidence, run, expectJudgement }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    evidence.values({ value: configMap?.data?.[KILL_SWITCH.key] ?? null, authorization: run.authorization })
    expectJudgement(judgeKillSwitch(configMap, run.authorization))
  })

  it(`every agent takes ${KILL_SWITCH.key} from ConfigMap ${KILL_SWITCH.configMap}`, { meta: { check: 'agents-wired' } }, async ({ kube, evidence, expectJudgement }) => {
    const { workloads, configMaps } = await observeWorkloads(kube, evidence)
    const wiring = findInObservedObjects('the kill-switch wiring rule', () => findKillSwitchWiring(workloads, configMaps))
    evidence.json('kill-switch-wiring', wiring)
    expectJudgement(judgeKillSwitchWiring(wiring, workloads.length))
  })

  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('ops-status'))) {
    it(
      `${service.name} reports the kill switch the ConfigMap holds`,
      { meta: { check: `${service.name}.kill-switch-reported` } },
      async ({ kube, evidence, expectJudgement }) => {
        const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
        const response = await observeEndpoint(kube, evidence, service, '/ops/status')
        expectJudgement(judgeKillSwitchReport(service.name, configMap, response))
      },
    )
  }
})
