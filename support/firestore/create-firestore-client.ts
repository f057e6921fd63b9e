import { randomUUID } from 'node:crypto'
import { applicationDefault, deleteApp, initializeApp } from 'firebase-admin/app'
import { getFirestore, type Firestore } from 'firebase-admin/firestore'
import { UsageError } from '../errors.ts'
import { FIRESTORE_CLIENT_DEFAULTS } from './defaults.ts'
import { describeFirestoreTarget, rememberFirestoreTarget, settleReads } from './internal/firestore-targets.ts'

/** Options of `createFirestoreClient`. */
export interface FirestoreClientOptions {
  /** The Firestore project id; required, so a run never guesses one from the environment. */
  projectId: string
  /**
   * `host:port` of an emulator, or `null` for Cloud Firestore with application default credentials.
   * @default env.FIRESTORE_EMULATOR_HOST when set, else null
   */
  emulatorHost?: string | null
  /**
   * Where the default of `emulatorHost` is read.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv
}

/** A firebase-admin `Firestore` on its own named app. Async-disposable: `await using`. */
export interface FirestoreClient extends AsyncDisposable {
  /** The firebase-admin Firestore instance. */
  readonly firestore: Firestore
  /** The name of its firebase-admin app, e.g. `openbell-firestore-1-3f2a9c1d`. */
  readonly appName: string
  /** The project it reads. */
  readonly projectId: string
  /** The emulator it talks to, or `null` for Cloud Firestore. */
  readonly emulatorHost: string | null
  /** What it talks to, in words, for messages. */
  readonly target: string
  /** Terminates the Firestore instance and deletes its app. Idempotent. */
  close(): Promise<void>
}

/**
 * Terminates `firestore` once the reads still in flight have settled, waiting for that at most `closeGraceMs`.
 * @note firebase-admin's Firestore service has no delete hook, so `deleteApp` alone would leave channels open.
 * @note Never terminate while a read retries: in @google-cloud/firestore 7.11 `requestStream` drops the promise
 * of `ClientPool.run()`, so a retry after `terminate()` is an unhandled rejection ("The client has already been
 * terminated") and the read never settles. A read that timed out against a dead host retries for ~8 s; the
 * client is then terminated in the background.
 */
async function terminate(firestore: Firestore): Promise<void> {
  const terminated = settleReads(firestore).then(() => firestore.terminate().catch(() => {}))
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FIRESTORE_CLIENT_DEFAULTS.closeGraceMs)
    timer.unref()
  })
  await Promise.race([terminated, grace])
  clearTimeout(timer)
}

const HOST_PORT = /^(?:\[[^\]]+\]|[^:[\]\s]+):\d{1,5}$/
let appCount = 0

/**
 * Creates a firebase-admin Firestore on a new named app (the default app is never touched), for an emulator
 * or for Cloud Firestore.
 *
 * @note Why `settings({ host, ssl: false })` and not `FIRESTORE_EMULATOR_HOST`: the variable is global to the
 * process, so two clients could not target two emulators, and setting it would leak into everything else.
 * `@google-cloud/firestore` (under firebase-admin) treats `ssl: false` as "emulator": it opens an insecure
 * channel with `sslCreds`, so google-gax never asks for credentials, and it sends `Authorization: Bearer owner`,
 * which the emulator treats as an admin (rules bypassed, like the Admin SDK in production).
 * @note Why `applicationDefault()` even for the emulator: firebase-admin only builds Firestore from a service
 * account or application default credentials (any other credential is `invalid-credential`). The
 * ADC object is lazy and, on an insecure channel, never used, so no ADC needs to exist.
 * @note Why `universeDomain`: google-gax's `createStub` always asks `GoogleAuth.getUniverseDomain()`, which, with
 * no domain configured, resolves ADC and probes the GCE metadata server (169.254.169.254, a non-loopback
 * address, and a `MetadataLookupWarning` off GCE). Naming the default domain skips that lookup.
 * @note The variable still wins: `@google-cloud/firestore` lets `process.env.FIRESTORE_EMULATOR_HOST`
 * override `settings({ host })`. So when it is set to anything but our target we refuse (a `UsageError`)
 * rather than silently read another database.
 */
export function createFirestoreClient(options: FirestoreClientOptions): FirestoreClient {
  if (typeof options.projectId !== 'string' || options.projectId.trim() === '') {
    throw new UsageError('createFirestoreClient: projectId is empty; pass the Firestore project id, e.g. "demo-openbell".')
  }
  const env = options.env ?? process.env
  const emulatorHost = options.emulatorHost !== undefined ? options.emulatorHost : env.FIRESTORE_EMULATOR_HOST || null
  if (emulatorHost !== null && !HOST_PORT.test(emulatorHost)) {
    throw new UsageError(`createFirestoreClient: emulatorHost ${JSON.stringify(emulatorHost)} is not host:port; expected e.g. "127.0.0.1:8080".`)
  }
  const sdkHost = process.env.FIRESTORE_EMULATOR_HOST
  if (sdkHost && sdkHost !== emulatorHost) {
    throw new UsageError(
      `createFirestoreClient: FIRESTORE_EMULATOR_HOST=${sdkHost} is set in this process, and firebase-admin would use it ` +
        `instead of ${emulatorHost ?? 'Cloud Firestore'}. Unset it, or pass emulatorHost "${sdkHost}".`,
    )
  }
  const app = initializeApp(
    { projectId: options.projectId, credential: applicationDefault() },
    `openbell-firestore-${++appCount}-${randomUUID().slice(0, 8)}`,
  )
  const firestore = getFirestore(app)
  if (emulatorHost !== null) firestore.settings({ host: emulatorHost, ssl: false, universeDomain: 'googleapis.com' })
  const target = { projectId: options.projectId, emulatorHost }
  rememberFirestoreTarget(firestore, target)

  let closed: Promise<void> | undefined
  const close = (): Promise<void> => (closed ??= terminate(firestore).then(() => deleteApp(app)))
  return {
    firestore,
    appName: app.name,
    projectId: options.projectId,
    emulatorHost,
    target: describeFirestoreTarget(target),
    close,
    [Symbol.asyncDispose]: close,
  }
}
