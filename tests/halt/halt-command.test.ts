/**
 * `openbell halt`, the runbook's panic stop (§5A), run as an operator runs it: a child process against the
 * Kubernetes API stand-in on the scenario `kill-switch-off` floor (EXECUTION_HALTED "0").
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyKubeOverlay, FLOOR_KUBE_FIXTURE_DIR, KubeApiEmulator, loadKubeObjects, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { loadScenario } from '../../emulators/scenarios/load-scenarios.ts'
import type { ForbiddenRule, KubeHostileAnswers } from '../../emulators/kube-api/index.ts'
import { runOpenbell } from '../scenarios/run-openbell.ts'

const NOW = new Date('2026-01-14T13:30:00Z')
const CONFIGMAP_PATH = '/api/v1/namespaces/trading-floor/configmaps/agenttrader-kill-switch'
/** The child process loads the Kubernetes client and the CLI; give it room on a busy machine. */
const CHILD_TIMEOUT_MS = 60_000

let kube: StartedKubeApi | undefined
afterEach(async () => {
  await kube?.stop()
  kube = undefined
})

/** Starts the API stand-in on the healthy floor with a scenario's kube overlay applied. */
async function startFloor(scenario: string, forbidden: ForbiddenRule[] = [], hostile: KubeHostileAnswers = {}): Promise<StartedKubeApi> {
  const objects = applyKubeOverlay(await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW }), loadScenario(scenario).kube ?? {}, { now: NOW })
  kube = await new KubeApiEmulator().withObjects(objects).withForbidden(forbidden).withHostileAnswers(hostile).start()
  return kube
}

/** `openbell halt --env=cluster --operator alice` with KUBECONFIG pointing at the stand-in. */
function halt(started: StartedKubeApi) {
  return runOpenbell(['halt', '--env=cluster', '--operator', 'alice'], {
    env: { KUBECONFIG: started.kubeconfigPath, OPENBELL_KUBE_CONTEXT: '', OPENBELL_NAMESPACE: '' },
    timeoutMs: CHILD_TIMEOUT_MS,
  })
}

/** The one `<runId>-halt/` folder the command wrote, and its record. */
function readHaltRecord(reportsDir: string): { dir: string; record: Record<string, unknown> } {
  const folders = readdirSync(reportsDir).filter((name) => name.endsWith('-halt'))
  expect(folders).toHaveLength(1)
  const dir = path.join(reportsDir, folders[0]!)
  expect(readdirSync(dir).sort()).toEqual(['halt_record.json', 'manifest.sha256'])
  return { dir, record: JSON.parse(readFileSync(path.join(dir, 'halt_record.json'), 'utf8')) as Record<string, unknown> }
}

/** `sha256sum -c manifest.sha256` in the record's folder; throws when a file does not match. */
function verifyManifest(dir: string): string {
  return execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: dir, encoding: 'utf8' })
}

function killSwitchValue(started: StartedKubeApi): unknown {
  return started.objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === 'agenttrader-kill-switch')?.data
}

describe('openbell halt --env=cluster', () => {
  it('gives up on a hung API server after the request timeout, exit 3, and still records the attempt', async () => {
    const objects = await loadKubeObjects(FLOOR_KUBE_FIXTURE_DIR, { now: NOW })
    kube = await new KubeApiEmulator().withObjects(objects).withLatencyMs(60_000).start()
    const run = await halt(kube)
    expect(run.exitCode).toBe(3)
    const { record } = readHaltRecord(run.reportsDir)
    expect(String(record.error)).toContain('read the kill switch: no answer within 5000 ms')
  })

  it('forces EXECUTION_HALTED from "0" to "1" and records who, before and after', async () => {
    const started = await startFloor('kill-switch-off')
    expect(killSwitchValue(started)).toEqual({ EXECUTION_HALTED: '0' })

    const run = await halt(started)

    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' })
    expect(killSwitchValue(started)).toEqual({ EXECUTION_HALTED: '1' })
    const patches = started.requests.filter((request) => request.method === 'PATCH')
    expect(patches).toEqual([{ method: 'PATCH', path: CONFIGMAP_PATH, search: '', status: 200 }])

    const { dir, record } = readHaltRecord(run.reportsDir)
    expect(record).toMatchObject({
      action: 'halt',
      operator: 'alice',
      kubeContext: 'openbell-emulator',
      kubeServer: started.url,
      configMap: 'trading-floor/agenttrader-kill-switch',
      before: '0',
      after: '1',
      halted: true,
    })
    expect(record).not.toHaveProperty('error')
    expect(run.stdout).toBe(`HALTED: trading-floor/agenttrader-kill-switch EXECUTION_HALTED="1" (was "0"); record: ${dir}\n`)
    expect(verifyManifest(dir)).toBe('halt_record.json: OK\n')
  }, CHILD_TIMEOUT_MS)

  it('turns an ambiguous "true" into "1", and halting again keeps "1"', async () => {
    const started = await startFloor('kill-switch-ambiguous')
    const first = await halt(started)
    expect(first.exitCode).toBe(0)
    expect(readHaltRecord(first.reportsDir).record).toMatchObject({ before: 'true', after: '1', halted: true })
    const again = await halt(started)
    expect(again.exitCode).toBe(0)
    expect(readHaltRecord(again.reportsDir).record).toMatchObject({ before: '1', after: '1', halted: true })
    expect(killSwitchValue(started)).toEqual({ EXECUTION_HALTED: '1' })
  }, CHILD_TIMEOUT_MS * 2)

  it('cannot halt through a ConfigMap that does not exist: exit 3, the 404 in the record', async () => {
    const started = await startFloor('kill-switch-missing')
    const run = await halt(started)
    expect(run.exitCode).toBe(3)
    const { dir, record } = readHaltRecord(run.reportsDir)
    expect(record).toMatchObject({ operator: 'alice', configMap: 'trading-floor/agenttrader-kill-switch' })
    expect(record).not.toHaveProperty('before')
    const error =
      'could not read ConfigMap trading-floor/agenttrader-kill-switch: the API server answered 404 ' +
      '(configmaps "agenttrader-kill-switch" not found). ' +
      'Recreate it halted: kubectl -n trading-floor create configmap agenttrader-kill-switch --from-literal=EXECUTION_HALTED=1.'
    expect(record.error).toBe(error)
    expect(run.stdout).toBe(`NOT CONFIRMED: ${error}\n  record: ${dir}\n`)
    expect(started.requests.filter((request) => request.method !== 'GET')).toEqual([])
    expect(verifyManifest(dir)).toBe('halt_record.json: OK\n')
  }, CHILD_TIMEOUT_MS)

  it('cannot confirm a halt the API server forbids: exit 3, the refusal in the record', async () => {
    const started = await startFloor('kill-switch-off', [{ resource: 'configmaps', verbs: ['patch'] }])
    const run = await halt(started)
    expect(run.exitCode).toBe(3)
    expect(killSwitchValue(started)).toEqual({ EXECUTION_HALTED: '0' })
    const { dir, record } = readHaltRecord(run.reportsDir)
    expect(record).toMatchObject({ operator: 'alice', before: '0' })
    expect(record).not.toHaveProperty('after')
    const error =
      'could not patch ConfigMap trading-floor/agenttrader-kill-switch: the API server answered 403 ' +
      '(configmaps "agenttrader-kill-switch" is forbidden: User "system:serviceaccount:trading-floor:openbell" cannot patch resource ' +
      '"configmaps" in API group "" in the namespace "trading-floor"). ' +
      'This identity may not patch it; use an identity that may, or ask its owner to halt (runbook §5A).'
    expect(record.error).toBe(error)
    expect(run.stdout).toBe(`NOT CONFIRMED: ${error}\n  record: ${dir}\n`)
    expect(verifyManifest(dir)).toBe('halt_record.json: OK\n')
  }, CHILD_TIMEOUT_MS)
})

describe('openbell halt never follows a redirect (issue 17)', () => {
  it.each([
    { step: 'read', verbs: ['get' as const] },
    { step: 'patch', verbs: ['patch' as const] },
  ])('a 307 for the $step of the kill switch: NOT CONFIRMED, exit 3, nothing sent elsewhere, the ConfigMap as it was', async ({ step, verbs }) => {
    const started = await startFloor('kill-switch-off', [], { redirect: [{ resource: 'configmaps', verbs }] })
    const run = await halt(started)
    expect(run.exitCode).toBe(3)
    expect(run.stdout).not.toContain('HALTED:')
    expect(run.stdout).toMatch(/^NOT CONFIRMED: /)
    // @note elsewhere would have answered "1": had halt followed the redirect, it would have printed HALTED.
    expect(started.elsewhereRequests).toEqual([])
    expect(killSwitchValue(started)).toEqual({ EXECUTION_HALTED: '0' })
    const { dir, record } = readHaltRecord(run.reportsDir)
    expect(record).toMatchObject({ kubeServer: started.url })
    expect(record).not.toHaveProperty('halted')
    expect(String(record.error)).toContain(
      `could not ${step} ConfigMap trading-floor/agenttrader-kill-switch: the API server answered 307, a redirect to http://127.0.0.1:`,
    )
    expect(String(record.error)).toContain('openbell never follows a redirect')
    expect(verifyManifest(dir)).toBe('halt_record.json: OK\n')
  }, CHILD_TIMEOUT_MS)
})

describe('openbell halt in emulator mode', () => {
  it('is a usage error (exit 2) and writes nothing', async () => {
    const run = await runOpenbell(['halt', '--operator', 'alice'], { env: { OPENBELL_ENV: '' }, timeoutMs: CHILD_TIMEOUT_MS })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toBe('[openbell] halt acts on a live cluster only; run `openbell halt --env=cluster [--kube-context NAME]`.\n')
    expect(readdirSync(run.reportsDir)).toEqual([])
  }, CHILD_TIMEOUT_MS)
})
