/**
 * Gate `metrics` (its title, runbook sections, reads and check ids: support/verdict/gate-registry.ts): for each
 * critical service `/ops/status` answers 200 and `/metrics` answers 200 with a sample of every required metric, read
 * through the API server's service proxy and judged as Prometheus would scrape it: the parser chosen by content type,
 * explicit sample timestamps honoured.
 */
import { describe, expect } from 'vitest'
import { gateTitle, getRunContext, it, judgeMetricContract, judgeMetricsContentType, judgeOpsStatus, observeEndpoint, REQUIRED_METRICS } from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('metrics'), () => {
  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('ops-status'))) {
    it(`${service.name} /ops/status answers 200 with the OpsStatus contract`, { meta: { check: `${service.name}.ops-status` } }, async ({ kube, evidence }) => {
      const response = await observeEndpoint(kube, evidence, service, '/ops/status')
      expect(response.status, `${service.name} /ops/status HTTP status`).toBe(200)
      const judgement = judgeOpsStatus(response.body, response.contentType)
      evidence.values({ shape: judgement.shape, summary: judgement.reason })
      expect(judgement.shape, `${service.name} /ops/status: ${judgement.reason}`).not.toBe('invalid')
    })
  }

  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('metrics'))) {
    it(`${service.name} /metrics answers 200 with Prometheus text`, { meta: { check: `${service.name}.metrics-200` } }, async ({ kube, evidence }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      expect(response.status, `${service.name} /metrics HTTP status`).toBe(200)
      const contentType = judgeMetricsContentType(response.contentType)
      expect(contentType.ok, `${service.name} /metrics: ${contentType.reason}`).toBe(true)
      const judgement = judgeMetricContract(response.body, REQUIRED_METRICS, { contentType: response.contentType })
      expect(judgement.parsed, `${service.name} /metrics (${response.contentType}): ${judgement.parsed ? 'parsed' : judgement.reason}`).toBe(true)
    })

    it(`${service.name} /metrics has a sample of each required metric`, { meta: { check: `${service.name}.required-metrics` } }, async ({ kube, evidence }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      expect(response.status, `${service.name} /metrics HTTP status`).toBe(200)
      const now = new Date()
      const judgement = judgeMetricContract(response.body, REQUIRED_METRICS, { contentType: response.contentType, now })
      if (!judgement.parsed) expect.fail(`${service.name} /metrics does not parse: ${judgement.reason}`)
      evidence.values({ format: judgement.format, required: judgement.values, dropped: judgement.dropped, now: now.toISOString() })
      expect(judgement.missing, `${service.name} /metrics: ${judgement.reason}`).toEqual([])
    })
  }
})
