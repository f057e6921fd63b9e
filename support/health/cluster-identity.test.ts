import { describe, expect, it } from 'vitest'
import { judgeClusterIdentity } from './cluster-identity.ts'

const identity = { context: 'gke_agenttrader_us-central1_trading', server: 'https://10.0.0.2', version: 'v1.32.4' }

describe('judgeClusterIdentity', () => {
  it.each([
    { change: {}, status: 'pass' },
    { change: { version: 'v1.30.5-gke.1014001' }, status: 'pass' },
    { change: { version: 'v1.29.3+k3s1' }, status: 'pass' },
    { change: { version: '' }, status: 'fail' },
    { change: { version: '1.32' }, status: 'fail' },
    { change: { context: '' }, status: 'fail' },
    { change: { server: ' ' }, status: 'fail' },
  ])('$change → ok=$status', ({ change, status }) => {
    expect(judgeClusterIdentity({ ...identity, ...change }).status).toBe(status)
  })

  it('says what it recorded, and what is missing', () => {
    expect(judgeClusterIdentity(identity).reason).toBe('context gke_agenttrader_us-central1_trading, API server https://10.0.0.2, Kubernetes v1.32.4')
    expect(judgeClusterIdentity({ ...identity, context: '', server: '' }).reason).toBe(
      'the kubeconfig names no context and no server; openbell cannot say which cluster it evaluated',
    )
  })
})
