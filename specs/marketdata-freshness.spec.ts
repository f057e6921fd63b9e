/**
 * Gate `marketdata-freshness` — runbook pre-market step 3a and §4B "marketdata stale": marketdata-mcp-server is
 * alive and its own contract says the feed is fresh. Before the feed starts (pre-market quotes begin 04:00 ET)
 * this gate is NO-GO by design: run it once quotes flow, or widen `--stale-threshold` deliberately.
 */
import { describe, expect } from 'vitest'
import {
  CouldNotCheckError,
  getRunContext,
  it,
  judgeFreshness,
  judgeHeartbeatAge,
  judgeMetricContract,
  judgeOpsStatus,
  MarketdataHeartbeatSchema,
  observeEndpoint,
} from '../support/index.ts'

const { criticalServices } = getRunContext()

describe('Gate 6 — market data is fresh', () => {
  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('freshness'))) {
    it(`${service.name} /healthz answers 200`, { meta: { check: `${service.name}.healthz` } }, async ({ kube, evidence }) => {
      const response = await observeEndpoint(kube, evidence, service, '/healthz')
      expect(response.status, `${service.name} /healthz HTTP status`).toBe(200)
    })

    it(`${service.name} says its market data is fresh`, { meta: { check: `${service.name}.fresh` } }, async ({ kube, evidence, run }) => {
      const [heartbeatResponse, statusResponse] = await Promise.all([
        observeEndpoint(kube, evidence, service, '/heartbeat'),
        observeEndpoint(kube, evidence, service, '/ops/status'),
      ])
      const heartbeat = heartbeatResponse.status === 200 ? MarketdataHeartbeatSchema.safeParse(safeJson(heartbeatResponse.body)) : null
      const status = statusResponse.status === 200 ? judgeOpsStatus(statusResponse.body, statusResponse.contentType) : null
      const judgement = judgeFreshness(
        heartbeat?.success ? heartbeat.data : null,
        status?.shape === 'ops-status' ? status.status : null,
        run.staleThresholdSeconds,
      )
      evidence.values({ fresh: judgement.fresh, reason: judgement.reason, thresholdSeconds: run.staleThresholdSeconds })
      if (judgement.fresh === null) throw new CouldNotCheckError(`${service.name}: ${judgement.reason}`)
      expect(judgement.fresh, `${service.name}: ${judgement.reason}`).toBe(true)
    })

    it(`${service.name} heartbeat_age_seconds is finite and within the threshold`, { meta: { check: `${service.name}.heartbeat-age` } }, async ({ kube, evidence, run }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      expect(response.status, `${service.name} /metrics HTTP status`).toBe(200)
      const metrics = judgeMetricContract(response.body, ['heartbeat_age_seconds'])
      if (!metrics.parsed) expect.fail(`${service.name} /metrics does not parse: ${metrics.reason}`)
      const judgement = judgeHeartbeatAge(metrics.values.heartbeat_age_seconds ?? [], run.staleThresholdSeconds)
      evidence.values({ heartbeatAgeSeconds: metrics.values.heartbeat_age_seconds, reason: judgement.reason })
      expect(judgement.ok, `${service.name}: ${judgement.reason}`).toBe(true)
    })
  }
})

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return null
  }
}
