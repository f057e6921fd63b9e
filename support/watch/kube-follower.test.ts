import { afterEach, describe, expect, it } from 'vitest'
import { FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { loadKubeConfig } from '../kube/index.ts'
import { startKubeFollower, type KubeFollower } from './kube-follower.ts'

let kube: StartedKubeApi | undefined
let follower: KubeFollower | undefined
afterEach(async () => {
  follower?.close()
  await kube?.stop()
})

async function until(test: () => boolean): Promise<void> {
  for (let tries = 0; tries < 500 && !test(); tries++) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('the kube follower', () => {
  it('says when a watched object changes, and falls back to listing (saying why) where the API server refuses the watch', async () => {
    kube = await new KubeApiEmulator()
      .withObjects(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: new Date() }))
      .withForbidden([{ resource: 'pods', verbs: ['watch'] }])
      .start()
    follower = await startKubeFollower({ kubeConfig: loadKubeConfig({ kubeconfigPath: kube.kubeconfigPath, kubeContext: null }), namespace: 'trading-floor', intervalMs: 5_000, requestTimeoutMs: 5_000 })
    await until(() => follower!.follow().configmaps === 'watch' && follower!.follow().pods !== 'list every interval: the watch is starting')
    expect(follower.follow().configmaps).toBe('watch')
    expect(follower.follow().pods).toMatch(/^list every interval: the API server answered 403 \(pods is forbidden/)
    const changed = follower.nextChange(new AbortController().signal)
    kube.applyOverlay({ patch: [{ kind: 'ConfigMap', name: 'agenttrader-kill-switch', mergePatch: { data: { EXECUTION_HALTED: '0' } } }] })
    expect(await changed).toBe('configmaps')
    // A change nobody was waiting for is kept for the next wait: an evaluation in progress may have read it too early.
    kube.applyOverlay(null)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await follower.nextChange(new AbortController().signal)).toBe('configmaps')
    expect(kube.requests.filter((request) => request.method !== 'GET')).toEqual([])
  })
})
