import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { findAutomation, resolveSeedTarget } from './resolve-seed-target.ts'

type Config = Parameters<typeof resolveSeedTarget>[0]
const config = (patch: Partial<Omit<Config, 'seed'>> & { allowWriteProject?: string | null } = {}): Config => ({
  env: patch.env ?? 'cluster',
  tenantId: patch.tenantId === undefined ? 't1' : patch.tenantId,
  firestoreProject: patch.firestoreProject === undefined ? 'agenttrader-prod' : patch.firestoreProject,
  seed: { trades: 50, goldenSweeps: 5, seed: 1, allowWriteProject: patch.allowWriteProject ?? null },
})
const EMULATOR = { FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' }

describe('resolveSeedTarget', () => {
  it.each([
    {
      name: 'an emulator in cluster mode',
      config: config({ firestoreProject: 'demo-openbell' }),
      env: EMULATOR,
      target: { kind: 'emulator', projectId: 'demo-openbell', emulatorHost: '127.0.0.1:8080', tenantId: 't1', description: 'the emulator at 127.0.0.1:8080 (project demo-openbell)' },
    },
    {
      name: 'an emulator in emulator mode, even under CI',
      config: config({ env: 'emulators', tenantId: 'demo-tenant', firestoreProject: 'demo-openbell' }),
      env: { ...EMULATOR, CI: 'true' },
      target: { kind: 'emulator', projectId: 'demo-openbell', emulatorHost: '127.0.0.1:8080', tenantId: 'demo-tenant', description: 'the emulator at 127.0.0.1:8080 (project demo-openbell)' },
    },
    {
      name: 'a real project named twice',
      config: config({ allowWriteProject: 'agenttrader-prod' }),
      env: { CI: 'false' },
      target: { kind: 'cloud-firestore', projectId: 'agenttrader-prod', emulatorHost: null, tenantId: 't1', description: 'Cloud Firestore (project agenttrader-prod)' },
    },
  ])('allows $name', ({ config, env, target }) => {
    expect(resolveSeedTarget(config, env)).toEqual(target)
  })

  it.each([
    {
      name: 'no tenant',
      config: config({ tenantId: null }),
      env: EMULATOR,
      message: 'seed needs a tenant: pass --tenant-id ID (Whale Flow data is written under tenants/{tenantId}/). Nothing was written.',
    },
    {
      name: 'no project',
      config: config({ firestoreProject: null }),
      env: EMULATOR,
      message: 'seed needs a Firestore project: pass --firestore-project ID (or set GOOGLE_CLOUD_PROJECT). Nothing was written.',
    },
    {
      name: 'emulator mode without FIRESTORE_EMULATOR_HOST',
      config: config({ env: 'emulators', firestoreProject: 'demo-openbell' }),
      env: {},
      message:
        'seed in emulator mode writes to a Firestore emulator, and FIRESTORE_EMULATOR_HOST is not set. Start one ' +
        '(e.g. `gcloud emulators firestore start --host-port=127.0.0.1:8080`), `export FIRESTORE_EMULATOR_HOST=127.0.0.1:8080`, ' +
        'then rerun. To seed a real project instead: --env=cluster --firestore-project ID --allow-write-project ID. Nothing was written.',
    },
    {
      name: 'a real project without --allow-write-project',
      config: config(),
      env: {},
      message:
        'seed would write to Cloud Firestore project "agenttrader-prod", not an emulator. Writing to a real project needs ' +
        '--allow-write-project agenttrader-prod (naming the same project); or set FIRESTORE_EMULATOR_HOST to seed an emulator. Nothing was written.',
    },
    {
      name: '--allow-write-project naming another project',
      config: config({ allowWriteProject: 'agenttrader-dev' }),
      env: {},
      message:
        '--allow-write-project "agenttrader-dev" does not name the target project "agenttrader-prod"; pass --allow-write-project ' +
        'agenttrader-prod to write to it. Nothing was written.',
    },
    {
      name: 'a real project under CI, even when allowed',
      config: config({ allowWriteProject: 'agenttrader-prod' }),
      env: { CI: 'true' },
      message:
        'seed refuses to write to Cloud Firestore project "agenttrader-prod" under CI=true: seeding a real project is an operator\'s ' +
        "deliberate act, never an automated one (AgentTrader's own seeders refuse the same way). Seed an emulator " +
        '(set FIRESTORE_EMULATOR_HOST), or run it by hand. Nothing was written.',
    },
  ])('refuses $name', ({ config, env, message }) => {
    expect(() => resolveSeedTarget(config, env)).toThrow(new UsageError(message))
  })
})

describe('findAutomation', () => {
  it.each([
    { env: {}, found: null },
    { env: { CI: 'false', GITHUB_ACTIONS: '0' }, found: null },
    { env: { CI: '' }, found: null },
    { env: { CI: '1' }, found: 'CI=1' },
    { env: { GITHUB_ACTIONS: 'true' }, found: 'GITHUB_ACTIONS=true' },
    { env: { K_SERVICE: 'dashboard' }, found: 'K_SERVICE=dashboard' },
    { env: { KUBERNETES_SERVICE_HOST: '10.0.0.1' }, found: 'KUBERNETES_SERVICE_HOST=10.0.0.1' },
  ])('finds $found in $env', ({ env, found }) => {
    expect(findAutomation(env)).toBe(found)
  })
})
