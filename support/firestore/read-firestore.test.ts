import { afterAll, describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { createFirestoreClient } from './create-firestore-client.ts'
import { readFirestore } from './read-firestore.ts'

/** An error shaped like those of @google-cloud/firestore: a gRPC status code and a message. */
const grpcError = (code: number, message: string): Error => Object.assign(new Error(message), { code })

describe('readFirestore', () => {
  // @note no request is sent: the reads below are stand-ins; the clients only name their targets.
  const emulator = createFirestoreClient({ projectId: 'demo-openbell', emulatorHost: '127.0.0.1:8080', env: {} })
  const production = createFirestoreClient({ projectId: 'agenttrader-prod', emulatorHost: null, env: {} })
  afterAll(async () => {
    await emulator.close()
    await production.close()
  })

  it('returns what the read returns', async () => {
    expect(await readFirestore(emulator.firestore, 'tenants/T/ops', async () => 42)).toBe(42)
  })

  it.each([
    {
      name: 'a timeout',
      client: emulator,
      read: () => new Promise<never>(() => {}),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from the emulator at 127.0.0.1:8080 (project demo-openbell): ' +
        'DEADLINE_EXCEEDED (no answer within 20 ms). Check that the emulator answers at 127.0.0.1:8080 (start it, or fix FIRESTORE_EMULATOR_HOST), then rerun.',
    },
    {
      name: 'UNAVAILABLE',
      client: emulator,
      read: () => Promise.reject(grpcError(14, '14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:8080')),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from the emulator at 127.0.0.1:8080 (project demo-openbell): ' +
        'UNAVAILABLE (14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:8080). ' +
        'Check that the emulator answers at 127.0.0.1:8080 (start it, or fix FIRESTORE_EMULATOR_HOST), then rerun.',
    },
    {
      name: 'DEADLINE_EXCEEDED from production',
      client: production,
      read: () => Promise.reject(grpcError(4, '4 DEADLINE_EXCEEDED: Deadline exceeded')),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from Cloud Firestore (project agenttrader-prod): ' +
        'DEADLINE_EXCEEDED (4 DEADLINE_EXCEEDED: Deadline exceeded). Check network access to firestore.googleapis.com for ' +
        'agenttrader-prod, then rerun; raise the read timeout on a slow network.',
    },
    {
      name: 'PERMISSION_DENIED',
      client: production,
      read: () => Promise.reject(grpcError(7, '7 PERMISSION_DENIED: Missing or insufficient permissions.')),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from Cloud Firestore (project agenttrader-prod): ' +
        'PERMISSION_DENIED (7 PERMISSION_DENIED: Missing or insufficient permissions.). Grant the credentials read access to ' +
        'agenttrader-prod (e.g. roles/datastore.viewer); the Admin SDK bypasses security rules, so this is IAM.',
    },
    {
      name: 'missing application default credentials',
      client: production,
      read: () => Promise.reject(new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.')),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from Cloud Firestore (project agenttrader-prod): UNAUTHENTICATED ' +
        '(Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.). ' +
        'Provide application default credentials (`gcloud auth application-default login` or GOOGLE_APPLICATION_CREDENTIALS), then rerun.',
    },
    {
      name: 'a refused connection',
      client: emulator,
      read: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8080'), { code: 'ECONNREFUSED' })),
      message:
        '[openbell] Could not read Firestore "tenants/T/ops" from the emulator at 127.0.0.1:8080 (project demo-openbell): ' +
        'UNAVAILABLE (connect ECONNREFUSED 127.0.0.1:8080). Check that the emulator answers at 127.0.0.1:8080 (start it, or fix FIRESTORE_EMULATOR_HOST), then rerun.',
    },
  ])('turns $name into a CouldNotCheckError', async ({ client, read, message }) => {
    const error = await readFirestore(client.firestore, 'tenants/T/ops', read, { timeoutMs: 20 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CouldNotCheckError)
    expect((error as Error).message).toBe(message)
  })

  it('rethrows errors that are not about reaching Firestore', async () => {
    const bug = new TypeError('cannot read properties of undefined')
    await expect(readFirestore(emulator.firestore, 'tenants/T/ops', () => Promise.reject(bug))).rejects.toBe(bug)
  })
})
