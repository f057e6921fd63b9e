import type { V1Container } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import type { Workload } from '../posture/index.ts'
import { judgeWorkloadImages } from './workload-images.ts'

function workload(kind: 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job', name: string, containers: V1Container[], initContainers?: V1Container[]): Workload {
  const podSpec = { containers, ...(initContainers ? { initContainers } : {}) }
  const metadata = { name, namespace: 'trading-floor' }
  if (kind === 'CronJob') return { kind, metadata, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: podSpec } } } } }
  return { kind, metadata, spec: { selector: {}, template: { spec: podSpec } } } as Workload
}

describe('judgeWorkloadImages', () => {
  it('lists every image of every kind, init containers first, and passes when all are pinned', () => {
    const judgement = judgeWorkloadImages([
      workload('Deployment', 'marketdata-mcp-server', [{ name: 'md', image: 'md:54afffe' }], [{ name: 'migrate', image: 'migrate:1.0' }]),
      workload('StatefulSet', 'gamma-strategy', [{ name: 'gamma', image: 'strategy-runtime:54afffe' }]),
      workload('CronJob', 'ops-heartbeat-writer', [{ name: 'kubectl', image: 'bitnami/kubectl:1.29.0' }]),
      workload('Job', 'backfill', [{ name: 'job', image: `job@sha256:${'0'.repeat(64)}` }]),
    ])
    expect(judgement.images.map((each) => `${each.workload} ${each.container} ${each.init} ${each.image}`)).toEqual([
      'Deployment/trading-floor/marketdata-mcp-server migrate true migrate:1.0',
      'Deployment/trading-floor/marketdata-mcp-server md false md:54afffe',
      'StatefulSet/trading-floor/gamma-strategy gamma false strategy-runtime:54afffe',
      'CronJob/trading-floor/ops-heartbeat-writer kubectl false bitnami/kubectl:1.29.0',
      `Job/trading-floor/backfill job false job@sha256:${'0'.repeat(64)}`,
    ])
    expect(judgement).toMatchObject({ status: 'pass', reason: 'all 5 workload images are pinned by tag or digest' })
  })

  it('names each unpinned workload and container', () => {
    const judgement = judgeWorkloadImages([
      workload('CronJob', 'ops-heartbeat-writer', [{ name: 'kubectl', image: 'bitnami/kubectl:latest' }]),
      workload('Deployment', 'execution-agent', [{ name: 'agent', image: 'execution-agent:REPLACE_ME' }], [{ name: 'init' }]),
    ])
    expect(judgement.status).toBe('fail')
    expect(judgement.reason).toBe(
      '3 unpinned image(s); pin a version tag or digest: ' +
        'CronJob/trading-floor/ops-heartbeat-writer container kubectl: "bitnami/kubectl:latest" uses the moving tag "latest"; ' +
        'Deployment/trading-floor/execution-agent init container init: no image is set; ' +
        'Deployment/trading-floor/execution-agent container agent: "execution-agent:REPLACE_ME" has the placeholder tag "REPLACE_ME", never rendered',
    )
    expect(judgement.findings.map((each) => `${each.workload} ${each.container}`)).toEqual([
      'CronJob/trading-floor/ops-heartbeat-writer kubectl',
      'Deployment/trading-floor/execution-agent init',
      'Deployment/trading-floor/execution-agent agent',
    ])
  })

  it('fails when there is nothing to evaluate', () => {
    expect(judgeWorkloadImages([])).toEqual({ status: 'fail', reason: 'no workload image was found, so nothing was evaluated', findings: [], images: [] })
  })
})
