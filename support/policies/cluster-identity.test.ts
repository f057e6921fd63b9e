import { describe, expect, it } from 'vitest'
import { judgeClusterIdentity } from './cluster-identity.ts'

const identity = { context: 'gke_agenttrader_us-central1_trading', server: 'https://10.0.0.2', version: 'v1.32.4' }

describe('judgeClusterIdentity', () => {
  it.each([
    { change: {}, ok: true },
    { change: { version: 'v1.30.5-gke.1014001' }, ok: true },
    { change: { version: 'v1.29.3+k3s1' }, ok: true },
    { change: { version: '' }, ok: false },
    { change: { version: '1.32' }, ok: false },
    { change: { context: '' }, ok: false },
    { change: { server: ' ' }, ok: false },
  ])('$change → ok=$ok', ({ change, ok }) => {
    expect(judgeClusterIdentity({ ...identity, ...change }).ok).toBe(ok)
  })

  it('says what it recorded, and what is missing', () => {
    expect(judgeClusterIdentity(identity).reason).toBe('context gke_agenttrader_us-central1_trading, API server https://10.0.0.2, Kubernetes v1.32.4')
    expect(judgeClusterIdentity({ ...identity, context: '', server: '' }).reason).toBe(
      'the kubeconfig names no context and no server; openbell cannot say which cluster it evaluated',
    )
  })
})
