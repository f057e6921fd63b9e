/**
 * Gate `marketdata-freshness` (its title, runbook sections, reads and check ids: support/gates/gate-registry.ts):
 * marketdata-mcp-server is alive and every freshness source it offers (`/heartbeat`, `/ops/status` `marketdata`,
 * `heartbeat_age_seconds`) says the feed is fresh by openbell's clock and `--stale-threshold`. Before the feed starts
 * (pre-market quotes begin 04:00 ET) this gate is NO-GO by design: run it once quotes flow, or widen
 * `--stale-threshold` deliberately.
 */
import { describe } from 'vitest'
import { gateTitle, getRunContext, it, judgeHeartbeatAgeMetric, judgeHttpStatus, judgeMarketdataFreshness, observeEndpoint, observeReading } from '../support/index.ts'

const { criticalServices } = getRunContext()

describe(gateTitle('marketdata-freshness'), () => {
  for (const service of criticalServices.filter((candidate) => candidate.reads.includes('freshness'))) {
    it(`${service.name} /healthz answers 200`, { meta: { check: `${service.name}.healthz` } }, async ({ kube, evidence, expectJudgement }) => {
      const response = await observeEndpoint(kube, evidence, service, '/healthz')
      expectJudgement(judgeHttpStatus(`${service.name} /healthz`, response.status))
    })

    it(`${service.name} says its market data is fresh`, { meta: { check: `${service.name}.fresh` } }, async ({ kube, evidence, run, expectJudgement }) => {
      // @note every source is read even when one fails, so the reason says what each of them said.
      const [heartbeat, opsStatus, metrics] = await Promise.all([
        observeReading(kube, evidence, service, '/heartbeat'),
        observeReading(kube, evidence, service, '/ops/status'),
        observeReading(kube, evidence, service, '/metrics'),
      ])
      const now = new Date()
      evidence.values({ now: now.toISOString(), thresholdSeconds: run.staleThresholdSeconds })
      expectJudgement(judgeMarketdataFreshness(service.name, { heartbeat, opsStatus, metrics }, { now, thresholdSeconds: run.staleThresholdSeconds }))
    })

    it(`${service.name} heartbeat_age_seconds is finite and within the threshold`, { meta: { check: `${service.name}.heartbeat-age` } }, async ({ kube, evidence, run, expectJudgement }) => {
      const response = await observeEndpoint(kube, evidence, service, '/metrics')
      const judgement = judgeHeartbeatAgeMetric(service.name, response, run.staleThresholdSeconds, new Date())
      evidence.values({ heartbeatAgeSeconds: judgement.heartbeatAgeSeconds, dropped: judgement.dropped })
      expectJudgement(judgement)
    })
  }
})
