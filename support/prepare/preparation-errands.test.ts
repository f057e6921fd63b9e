import { describe, expect, it } from 'vitest'
import { readClusterInWorker } from './preparation-errands.ts'

const REQUEST = { config: { namespace: 'trading-floor', kubeContext: null, requestTimeoutMs: 2_000 }, kubeconfigPath: null }
const answering = (answer: unknown) => ({ ask: async () => answer })

describe('read-cluster, on the runner\'s side: only the cluster\'s facts are taken as such', () => {
  it('takes facts with a preflight, or with none (no kubeconfig)', async () => {
    const cluster = { kubeconfigPath: null, context: 'c', server: 'https://k', version: 'v1.32.4', problem: null }
    const facts = { cluster, preflight: { namespace: 'trading-floor', reads: [], blockedGates: { metrics: 'add the rule' } } }
    await expect(readClusterInWorker(answering(facts), REQUEST, new Promise(() => undefined))).resolves.toEqual(facts)
    const unloaded = { cluster: { ...cluster, problem: 'kubeconfig /nowhere does not exist' }, preflight: null }
    await expect(readClusterInWorker(answering(unloaded), REQUEST, new Promise(() => undefined))).resolves.toEqual(unloaded)
  })

  it.each([
    ['nothing', null],
    ['no preflight at all (it would block no gate)', { cluster: { problem: null } }],
    ['a preflight without its blocked gates', { cluster: { problem: null }, preflight: { reads: [] } }],
    ['no cluster', { preflight: null }],
    ['no preflight for a kubeconfig that loaded', { cluster: { problem: null }, preflight: null }],
  ])('refuses %s', async (_, answer) => {
    await expect(readClusterInWorker(answering(answer), REQUEST, new Promise(() => undefined))).rejects.toThrow('is not the cluster\'s facts')
  })
})
