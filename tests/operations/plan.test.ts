import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KubeApiEmulator, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { runOpenbell } from '../scenarios/run-openbell.ts'

/** Issue 9: `openbell plan` lists what a run would execute from vitest's collection, starting and contacting nothing. */
describe('openbell plan', () => {
  let kube: StartedKubeApi

  beforeAll(async () => {
    kube = await new KubeApiEmulator().start()
  })
  afterAll(async () => {
    await kube?.stop()
  })

  it('lists every gate and its checks for an unfiltered emulator run, writes nothing, and exits 0 when the run can be GO', async () => {
    const run = await runOpenbell(['plan'], { env: { APCA_API_KEY_ID: '', APCA_API_SECRET_KEY: '' } })
    expect(run.stderr).toBe('')
    expect(run.stdout.split('\n')[0]).toBe('openbell plan: what a run with these flags would do (nothing was started or contacted)')
    expect(run.stdout).toContain('target: the embedded emulators (started only by a run)')
    expect(run.stdout).toContain('filter: none: every gate runs')
    expect(run.stdout).toContain('inputs: Alpaca paper credentials absent (APCA_API_KEY_ID, APCA_API_SECRET_KEY not set')
    expect(run.stdout).toContain('  kill-switch — Kill switch halts execution')
    expect(run.stdout).toContain('    ▸ configmap-present: ConfigMap agenttrader-kill-switch exists in the namespace')
    expect(run.stdout).toMatch(/\n\d+ checks would run\. This run can be GO\.\n$/)
    expect(run.exitCode).toBe(0)
    expect(readdirSync(run.reportsDir)).toEqual([])
  }, 120_000)

  it('shows the filter state and exits 3 for a filtered run, which can never be GO', async () => {
    const run = await runOpenbell(['plan', 'kill-switch', '-t', 'EXECUTION_HALTED'])
    expect(run.stdout).toContain('filter: gates kill-switch and checks matching /EXECUTION_HALTED/ (a filtered run is never GO)')
    expect(run.stdout).toContain('  metrics — Metrics populate')
    expect(run.stdout).toMatch(/ {2}metrics — Metrics populate \(.*\): not run \(filtered out\)\n/)
    expect(run.stdout).toContain('    · configmap-present: ConfigMap agenttrader-kill-switch exists in the namespace (filtered out by -t)')
    expect(run.stdout).toContain('    ▸ halted: ')
    expect(run.stdout).toContain('This run cannot be GO: the run is filtered, and a filtered run is never GO.')
    expect(run.exitCode).toBe(3)
  }, 120_000)

  it('in cluster mode names the kubeconfig target without sending the API server a single request', async () => {
    const run = await runOpenbell(['plan', '--env=cluster', '--tenant-id', 't1'], { env: { KUBECONFIG: kube.kubeconfigPath } })
    expect(run.stdout).toContain(`target: cluster, kube context ${kube.context} at ${kube.url} (from the kubeconfig; not contacted)`)
    expect(run.stdout).toContain('Kubernetes reads checked at start: get configmaps, list configmaps, list deployments.apps')
    expect(kube.requests).toEqual([])
    expect(readdirSync(run.reportsDir)).toEqual([])
  }, 120_000)
})
