/**
 * Gate `metrics` (its title, runbook sections, reads and check ids: support/gates/gate-registry.ts): for each
 * critical service `/ops/status` answers 200 and `/metrics` answers 200 with a sample of every required metric, read
 * through the API server's service proxy and judged as Prometheus would scrape it: the parser chosen by content type,
 * explicit sample timestamps honoured.
 */
import { describe } from 'vitest'
import { gateTitle, getRunContext, it, judgeMetricsScrape, judgeOpsStatusEndpoint, judgeRequiredMetrics, observeEndpoint } from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('metrics'), () => {
  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('ops-status'))) {
    it(`${service.name} /ops/status answers 200 with the OpsStatus contract`, { meta: { check: `${service.name}.ops-status` } }, async ({ kube, evidence, expectJudgement }) => {
      const response = await observeEndpoint(kube, evidence, service, '/ops/status')
      expectJudgement(judgeOpsStatusEndpoint(service.name, response))
    })
  }

  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('metrics'))) {
    it(`${service.name} /metrics answers 200 with Prometheus text`, { meta: { check: `${service.name}.metrics-200` } }, async ({ kube, evidence, expectJudgement }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      expectJudgement(judgeMetricsScrape(service.name, response))
    })

    it(`${service.name} /metrics has a sample of each required metric`, { meta: { check: `${service.name}.required-metrics` } }, async ({ kube, evidence, expectJudgement }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      const now = new Date()
      const judgement = judgeRequiredMetrics(service.name, response, now)
      evidence.values({ format: judgement.format, required: judgement.values, dropped: judgement.dropped, now: now.toISOString() })
      expectJudgement(judgement)
    })
  }
})
