/**
 * Gate `marketdata-freshness` (its title, runbook sections, reads and check ids: support/verdict/gate-registry.ts):
 * marketdata-mcp-server is alive and every freshness source it offers (`/heartbeat`, `/ops/status` `marketdata`,
 * `heartbeat_age_seconds`) says the feed is fresh by openbell's clock and `--stale-threshold`. Before the feed starts
 * (pre-market quotes begin 04:00 ET) this gate is NO-GO by design: run it once quotes flow, or widen
 * `--stale-threshold` deliberately.
 */
import { describe, expect } from 'vitest'
import {
  CouldNotCheckError,
  gateTitle,
  getRunContext,
  it,
  judgeHeartbeatAge,
  judgeMarketdataFreshness,
  judgeMetricContract,
  observeEndpoint,
  type EndpointReading,
} from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('marketdata-freshness'), () => {
  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('freshness'))) {
    it(`${service.name} /healthz answers 200`, { meta: { check: `${service.name}.healthz` } }, async ({ kube, evidence }) => {
      const response = await observeEndpoint(kube, evidence, service, '/healthz')
      expect(response.status, `${service.name} /healthz HTTP status`).toBe(200)
    })

    it(`${service.name} says its market data is fresh`, { meta: { check: `${service.name}.fresh` } }, async ({ kube, evidence, run }) => {
      // @note every source is read even when one fails, so the reason says what each of them said.
      const [heartbeat, opsStatus, metrics] = await Promise.allSettled(
        ['/heartbeat', '/ops/status', '/metrics'].map((path) => observeEndpoint(kube, evidence, service, path)),
      ).then((results) => results.map(toReading))
      const now = new Date()
      const judgement = judgeMarketdataFreshness({ heartbeat: heartbeat!, opsStatus: opsStatus!, metrics: metrics! }, { now, thresholdSeconds: run.staleThresholdSeconds })
      evidence.values({ status: judgement.status, reason: judgement.reason, sources: judgement.sources, now: now.toISOString(), thresholdSeconds: run.staleThresholdSeconds })
      if (judgement.status === 'unverified') throw new CouldNotCheckError(`${service.name}: ${judgement.reason}`)
      expect(judgement.status === 'pass', `${service.name}: ${judgement.reason}`).toBe(true)
    })

    it(`${service.name} heartbeat_age_seconds is finite and within the threshold`, { meta: { check: `${service.name}.heartbeat-age` } }, async ({ kube, evidence, run }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      expect(response.status, `${service.name} /metrics HTTP status`).toBe(200)
      const metrics = judgeMetricContract(response.body, ['heartbeat_age_seconds'], { contentType: response.contentType, now: new Date() })
      if (!metrics.parsed) expect.fail(`${service.name} /metrics does not parse: ${metrics.reason}`)
      const judgement = judgeHeartbeatAge(metrics.values.heartbeat_age_seconds ?? [], run.staleThresholdSeconds)
      evidence.values({ heartbeatAgeSeconds: metrics.values.heartbeat_age_seconds, dropped: metrics.dropped, reason: judgement.reason })
      expect(judgement.ok, `${service.name}: ${metrics.missing.length > 0 ? metrics.reason : judgement.reason}`).toBe(true)
    })
  }
})

function toReading(result: PromiseSettledResult<{ status: number; contentType: string | null; body: string }>): EndpointReading {
  if (result.status === 'fulfilled') return result.value
  return { error: result.reason instanceof Error ? result.reason.message : String(result.reason) }
}
