import type { V1EnvVar } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { findStalenessBypass } from './find-staleness-bypass.ts'
import { configMap, deployment, fromConfigMap, fromSecret, literal } from './internal/build-workloads.ts'

describe('findStalenessBypass', () => {
  it.each<{ env: V1EnvVar[]; found: string[] }>([
    { env: [literal('MARKETDATA_HEALTH_CHECK_DISABLED', '1')], found: ['!staleness-bypass MARKETDATA_HEALTH_CHECK_DISABLED=1'] },
    { env: [literal('MARKETDATA_FORCE_STALE', ' Yes ')], found: ['!staleness-bypass MARKETDATA_FORCE_STALE= Yes '] },
    { env: [fromConfigMap('MARKETDATA_FORCE_STALE', 'md')], found: ['!staleness-bypass MARKETDATA_FORCE_STALE=on'] },
    { env: [literal('MARKETDATA_HEALTH_CHECK_DISABLED', 'false'), literal('MARKETDATA_FORCE_STALE', '0')], found: [] },
    { env: [literal('MARKETDATA_HEALTH_CHECK_DISABLED', 'enabled')], found: [] },
    { env: [literal('MARKETDATA_STALE_THRESHOLD_S', '120')], found: [] },
    { env: [fromSecret('MARKETDATA_FORCE_STALE', 's')], found: ['not-inspected MARKETDATA_FORCE_STALE=not inspected (Secret)'] },
  ])('$env.0.name → $found', ({ env, found }) => {
    const findings = findStalenessBypass([deployment('marketdata-mcp-server', env)], [configMap('md', { MARKETDATA_FORCE_STALE: 'on' })])
    expect(findings.map((f) => `${f.violation ? '!' : ''}${f.rule} ${f.variable}=${f.value}`)).toEqual(found)
  })

  it('names the object and container', () => {
    const [finding] = findStalenessBypass([deployment('marketdata-mcp-server', [literal('MARKETDATA_FORCE_STALE', 'true')])])
    expect(finding).toMatchObject({ object: 'Deployment/trading-floor/marketdata-mcp-server', container: 'main' })
  })
})
