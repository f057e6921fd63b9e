/**
 * Gate `kill-switch` — runbook §5A "Kubernetes kill switch (default: ON / halted)" and pre-market step 2.
 * Proves that execution is halted by the ConfigMap every agent reads, unless an operator authorized otherwise.
 */
import { describe, expect } from 'vitest'
import { KILL_SWITCH, it, judgeKillSwitch } from '../support/index.ts'

describe('Gate 4 — the kill switch halts execution', () => {
  it(`ConfigMap ${KILL_SWITCH.configMap} exists in the namespace`, { meta: { check: 'configmap-present' } }, async ({ kube, evidence, run }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    expect(configMap, `ConfigMap ${run.namespace}/${KILL_SWITCH.configMap}`).not.toBeNull()
  })

  it(`${KILL_SWITCH.key} holds exactly "1" (or execution is authorized)`, { meta: { check: 'halted' } }, async ({ kube, evidence, run }) => {
    const configMap = await kube.readConfigMap(KILL_SWITCH.configMap)
    evidence.json('kill-switch-configmap', configMap ?? { notFound: `${run.namespace}/${KILL_SWITCH.configMap}` })
    const judgement = judgeKillSwitch(configMap?.data?.[KILL_SWITCH.key], run.authorization)
    evidence.values({ value: configMap?.data?.[KILL_SWITCH.key] ?? null, judgement: judgement.reason })
    expect(judgement.ok, judgement.reason).toBe(true)
  })
})
