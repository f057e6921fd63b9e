/**
 * Gate `paper-execution` (its title, runbook sections, reads and check ids: support/gates/gate-registry.ts).
 * Proves that every workload is aimed at Alpaca's paper host, in paper mode, with no agent live and no execution
 * workload able to place orders, and that openbell's own broker client refuses the live host by itself.
 */
import { describe } from 'vitest'
import {
  createPaperAlpacaClient,
  findInObservedObjects,
  findPostureViolations,
  gateTitle,
  it,
  judgeLiveBrokerRefusal,
  judgePaperAccount,
  judgePaperPosture,
  observeWorkloads,
  probeLiveBrokerRefusal,
  readAlpacaCredentials,
  readPaperAccount,
  type Evidence,
  type KubeReader,
  type PaperPostureAspect,
} from '../support/index.ts'

const credentials = readAlpacaCredentials(process.env)

/** Reads the workloads and ConfigMaps, records them and the findings, and judges one aspect of the posture. */
async function judgeAspect(kube: KubeReader, evidence: Evidence, aspect: PaperPostureAspect) {
  const observation = await observeWorkloads(kube, evidence)
  const findings = findInObservedObjects('the posture rules', () => findPostureViolations(observation))
  evidence.json('posture-findings', findings)
  return judgePaperPosture(findings, aspect)
}

describe(gateTitle('paper-execution'), () => {
  it('every Alpaca trading host in workload env and ConfigMaps is https://paper-api.alpaca.markets', { meta: { check: 'paper-broker-host' } }, async ({ kube, evidence, expectJudgement }) => {
    expectJudgement(await judgeAspect(kube, evidence, 'broker-host'))
  })

  it('TRADING_MODE is "paper" wherever it is set', { meta: { check: 'trading-mode-paper' } }, async ({ kube, evidence, expectJudgement }) => {
    expectJudgement(await judgeAspect(kube, evidence, 'trading-mode'))
  })

  it('no workload runs with AGENT_MODE LIVE or EXECUTE', { meta: { check: 'agent-mode-not-live' } }, async ({ kube, evidence, expectJudgement }) => {
    expectJudgement(await judgeAspect(kube, evidence, 'agent-mode'))
  })

  it('execution workloads cannot execute (no pods, or execution flags off)', { meta: { check: 'execution-disabled' } }, async ({ kube, evidence, expectJudgement }) => {
    expectJudgement(await judgeAspect(kube, evidence, 'execution'))
  })

  it("openbell's broker client refuses the live host before anything is sent", { meta: { check: 'live-host-refused' } }, async ({ evidence, expectJudgement }) => {
    const attempts = await probeLiveBrokerRefusal()
    evidence.json('live-host-probe', attempts)
    expectJudgement(judgeLiveBrokerRefusal(attempts))
  })

  it.skipIf(credentials === null)(
    'the paper account answers /v2/account as ACTIVE',
    { meta: { check: 'paper-account-active', optional: { reason: 'no APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment' } } },
    async ({ evidence, expectJudgement }) => {
      const account = await readPaperAccount(createPaperAlpacaClient())
      evidence.json('paper-account', account)
      expectJudgement(judgePaperAccount(account))
    },
  )
})
