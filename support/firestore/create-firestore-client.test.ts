import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { getApps } from 'firebase-admin/app'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CouldNotCheckError, UsageError } from '../errors.ts'
import { createFirestoreClient, type FirestoreClient } from './create-firestore-client.ts'
import { readDocument } from './read-firestore.ts'

describe('createFirestoreClient', () => {
  const clients: FirestoreClient[] = []
  const create = (...args: Parameters<typeof createFirestoreClient>): FirestoreClient => {
    const client = createFirestoreClient(...args)
    clients.push(client)
    return client
  }
  afterEach(async () => {
    vi.unstubAllEnvs()
    await Promise.all(clients.splice(0).map((client) => client.close()))
  })

  it('makes a named app per call and never the default app', () => {
    const a = create({ projectId: 'demo-a', emulatorHost: '127.0.0.1:1', env: {} })
    const b = create({ projectId: 'demo-b', emulatorHost: '127.0.0.1:2', env: {} })
    const names = getApps().map((app) => app.name)
    expect(names).not.toContain('[DEFAULT]')
    expect(a.appName).not.toBe(b.appName)
    expect(names).toEqual(expect.arrayContaining([a.appName, b.appName]))
    expect([a.target, b.target]).toEqual([
      'the emulator at 127.0.0.1:1 (project demo-a)',
      'the emulator at 127.0.0.1:2 (project demo-b)',
    ])
  })

  it.each([
    { options: { env: { FIRESTORE_EMULATOR_HOST: '127.0.0.1:9' } }, emulatorHost: '127.0.0.1:9' },
    { options: { env: {} }, emulatorHost: null },
    { options: { env: { FIRESTORE_EMULATOR_HOST: '127.0.0.1:9' }, emulatorHost: null }, emulatorHost: null },
  ])('takes emulatorHost from $options', ({ options, emulatorHost }) => {
    expect(create({ projectId: 'demo-openbell', ...options }).emulatorHost).toBe(emulatorHost)
  })

  it.each([
    {
      options: { projectId: ' ' },
      message: '[openbell] createFirestoreClient: projectId is empty; pass the Firestore project id, e.g. "demo-openbell".',
    },
    {
      options: { projectId: 'demo-openbell', emulatorHost: 'http://127.0.0.1:8080' },
      message: '[openbell] createFirestoreClient: emulatorHost "http://127.0.0.1:8080" is not host:port; expected e.g. "127.0.0.1:8080".',
    },
  ])('rejects $options', ({ options, message }) => {
    expect(() => create({ env: {}, ...options })).toThrow(new UsageError(message.replace('[openbell] ', '')))
  })

  it('refuses a target that FIRESTORE_EMULATOR_HOST in this process would override', () => {
    vi.stubEnv('FIRESTORE_EMULATOR_HOST', '127.0.0.1:7777')
    expect(() => create({ projectId: 'demo-openbell', emulatorHost: null })).toThrow(
      '[openbell] createFirestoreClient: FIRESTORE_EMULATOR_HOST=127.0.0.1:7777 is set in this process, and firebase-admin ' +
        'would use it instead of Cloud Firestore. Unset it, or pass emulatorHost "127.0.0.1:7777".',
    )
    expect(create({ projectId: 'demo-openbell' }).emulatorHost).toBe('127.0.0.1:7777')
  })

  it('turns a closed port into a CouldNotCheckError, not a hang', async () => {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const host = `127.0.0.1:${(probe.address() as AddressInfo).port}`
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const client = create({ projectId: 'demo-openbell', emulatorHost: host, env: {} })

    const error = await readDocument(client.firestore, 'tenants/T/ops/system_status', { timeoutMs: 300 }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `^\\[openbell\\] Could not read Firestore "tenants/T/ops/system_status" from the emulator at ${host} \\(project demo-openbell\\): ` +
          `(UNAVAILABLE|DEADLINE_EXCEEDED) \\(.+\\)\\. Check that the emulator answers at ${host} \\(start it, or fix FIRESTORE_EMULATOR_HOST\\), then rerun\\.$`,
      ),
    )
  })

  it('closes idempotently and deletes its app', async () => {
    const client = createFirestoreClient({ projectId: 'demo-openbell', emulatorHost: '127.0.0.1:1', env: {} })
    const name = client.appName
    await Promise.all([client.close(), client.close()])
    expect(getApps().map((app) => app.name)).not.toContain(name)
  })
})
