import { describe, expect, it } from 'vitest'
import { parseCli, resolveConfig } from '../config/index.ts'
import type { RunFacts } from './run-context.ts'
import { createRunContext } from './create-run-context.ts'

const config = resolveConfig(parseCli(['run', '--namespace', 'floor-b', '--authorize-execution', 'ops/T-1/drill'], {}), { env: {}, cwd: '/work' })
const facts = (): RunFacts => ({
  runId: '20261202T060000.000Z-emulators',
  runDir: '/work/reports/20261202T060000.000Z-emulators',
  cluster: { kubeconfigPath: '/tmp/floor/kubeconfig', context: 'openbell-emulator', server: 'http://127.0.0.1:1', version: 'v1.32.4', problem: null },
  firestoreEmulator: { host: '127.0.0.1:2', backend: 'gcloud' },
  preflight: { namespace: 'floor-b', reads: [{ read: 'listPods', what: 'list pods', allowed: true, rule: 'pods: list' }], blockedGates: {} },
  workerSetup: { files: ['/work/emulators/alpaca/worker-setup.ts'], env: { APCA_API_KEY_ID: 'PKDEMO' } },
})

describe('createRunContext: the run context is built once and never edited', () => {
  it('takes the settings from the resolved config and the facts of the run, and derives the rest', () => {
    const context = createRunContext(config, facts())
    expect(context).toMatchObject({
      env: 'emulators',
      namespace: 'floor-b',
      tenantId: 'demo-tenant',
      authorization: 'ops/T-1/drill',
      requestTimeoutMs: config.requestTimeoutMs,
      cluster: facts().cluster,
      violationsFile: '/work/reports/20261202T060000.000Z-emulators/evidence/live-host-violations.ndjson',
    })
    expect(context.criticalServices.map((service) => service.name)).toEqual(['marketdata-mcp-server', 'strategy-engine'])
    // @note only the settings a spec reads: nothing of the CLI's own plumbing (reports folder, signing key) crosses over.
    expect(Object.keys(context)).not.toContain('reportsDir')
    expect(Object.keys(context)).not.toContain('signKeyFile')
  })

  it('is frozen all the way down: every assignment, addition or push throws (ESM is strict mode)', () => {
    const context = createRunContext(config, facts())
    const attempts: [string, () => void][] = [
      ['namespace', () => ((context as { namespace: string }).namespace = 'edited')],
      ['a new field', () => ((context as { extra?: number }).extra = 1)],
      ['cluster.server', () => ((context.cluster as { server: string | null }).server = 'https://elsewhere')],
      ['firestoreEmulator.host', () => ((context.firestoreEmulator as { host: string }).host = 'edited:1')],
      ['preflight.reads', () => (context.preflight!.reads as unknown[]).push({})],
      ['workerSetup.env', () => ((context.workerSetup.env as Record<string, string>).APCA_API_KEY_ID = 'edited')],
      ['criticalServices[0].port', () => ((context.criticalServices[0] as { port: number }).port = 8080)],
    ]
    for (const [what, attempt] of attempts) expect(attempt, what).toThrow(TypeError)
    expect(context.namespace).toBe('floor-b')
  })

  it('is a copy: editing the facts or the config it was built from afterwards changes nothing in it', () => {
    const given = facts()
    const ownConfig = { ...config }
    const context = createRunContext(ownConfig, given)
    const before = JSON.stringify(context)
    given.cluster.server = 'https://elsewhere'
    given.workerSetup.files.push('/tmp/evil.ts')
    ownConfig.namespace = 'edited'
    expect(JSON.stringify(context)).toBe(before)
    expect(Object.isFrozen(given)).toBe(false)
  })
})
