import { describe, expect, it } from 'vitest'
import { findStalenessBypass, deployment, fromSecret, literal } from '../posture/index.ts'
import { judgeStalenessBypass } from './judge-staleness-bypass.ts'

describe('judgeStalenessBypass', () => {
  it.each([
    { case: 'no flag', env: [literal('AGENT_MODE', 'OBSERVE')], status: 'pass' },
    { case: 'flags off', env: [literal('MARKETDATA_FORCE_STALE', '0'), literal('MARKETDATA_HEALTH_CHECK_DISABLED', 'false')], status: 'pass' },
    { case: 'MARKETDATA_FORCE_STALE=1', env: [literal('MARKETDATA_FORCE_STALE', '1')], status: 'fail' },
    { case: 'MARKETDATA_HEALTH_CHECK_DISABLED=true', env: [literal('MARKETDATA_HEALTH_CHECK_DISABLED', 'true')], status: 'fail' },
    { case: 'a flag from a Secret', env: [fromSecret('MARKETDATA_FORCE_STALE', 'trader-secrets')], status: 'unverified' },
    { case: 'a Secret flag beside a true flag', env: [fromSecret('MARKETDATA_FORCE_STALE', 's'), literal('MARKETDATA_HEALTH_CHECK_DISABLED', '1')], status: 'fail' },
  ])('$case → $status', ({ env, status }) => {
    expect(judgeStalenessBypass(findStalenessBypass([deployment('marketdata-mcp-server', env)])).status).toBe(status)
  })

  it('names the workload, the container and the flag', () => {
    const findings = findStalenessBypass([deployment('marketdata-mcp-server', [literal('MARKETDATA_FORCE_STALE', '1')])])
    expect(judgeStalenessBypass(findings)).toEqual({
      status: 'fail',
      reason:
        'the market-data staleness check is bypassed: Deployment/trading-floor/marketdata-mcp-server container main: ' +
        'MARKETDATA_FORCE_STALE is "1": the market-data staleness check is bypassed, so freshness cannot be trusted',
      findings,
    })
  })
})
