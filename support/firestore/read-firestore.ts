import type { DocumentSnapshot, Firestore, Query, QuerySnapshot } from 'firebase-admin/firestore'
import { CouldNotCheckError, isCouldNotCheck } from '../errors.ts'
import { withinDeadline } from '../within-deadline.ts'
import { FIRESTORE_CLIENT_DEFAULTS } from './defaults.ts'
import { classifyFirestoreFailure, nextStepFor } from './firestore-failure.ts'
import { describeFirestoreTarget, getFirestoreTarget, trackRead } from './internal/firestore-targets.ts'

/** Options of every bounded Firestore read. */
export interface ReadOptions {
  /**
   * How long the read may take before it becomes a `CouldNotCheckError` (DEADLINE_EXCEEDED).
   * @default 5000
   */
  timeoutMs?: number
}

/**
 * Runs one Firestore read against `path` with a deadline. A timeout, a connection failure or a Firestore status
 * (UNAVAILABLE, DEADLINE_EXCEEDED, PERMISSION_DENIED, UNAUTHENTICATED, …) becomes a `CouldNotCheckError` naming
 * the path, the target, the code and what to do next; any other error is rethrown as is.
 * @note On timeout the underlying RPC is not cancelled (firebase-admin has no per-call cancel); the SDK keeps
 * retrying it for a few seconds, and `close()` waits for it at most `closeGraceMs`.
 */
export async function readFirestore<T>(
  firestore: Firestore,
  path: string,
  read: () => Promise<T>,
  options: ReadOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? FIRESTORE_CLIENT_DEFAULTS.readTimeoutMs
  const target = getFirestoreTarget(firestore)
  const fail = (code: string, detail: string, cause: unknown): CouldNotCheckError =>
    new CouldNotCheckError(
      `Could not read Firestore "${path}" from ${describeFirestoreTarget(target)}: ${code} (${detail}). ${nextStepFor(code, target)}`,
      { cause },
    )
  const reading = Promise.resolve().then(read)
  // @note after a timeout nobody awaits `reading`; its late rejection (e.g. "client has already been
  // terminated" once the client is closed) must not become an unhandled rejection.
  reading.catch(() => {})
  trackRead(firestore, reading)
  try {
    return await withinDeadline(reading, timeoutMs, () => fail('DEADLINE_EXCEEDED', `no answer within ${timeoutMs} ms`, undefined))
  } catch (error) {
    if (isCouldNotCheck(error)) throw error
    const failure = classifyFirestoreFailure(error)
    if (!failure) throw error
    throw fail(failure.code, failure.detail, error)
  }
}

/**
 * Reads one document by path, with a deadline; could-not-look failures become `CouldNotCheckError`.
 * @example const status = await readDocument(db, 'tenants/T/ops/system_status')
 */
export async function readDocument(firestore: Firestore, path: string, options: ReadOptions = {}): Promise<DocumentSnapshot> {
  return await readFirestore(firestore, path, () => firestore.doc(path).get(), options)
}

/**
 * Runs a query with a deadline; `path` names it in messages. Could-not-look failures become `CouldNotCheckError`.
 * @note Gate queries should carry a `limit()`: an unbounded read of a large collection is slow and costly.
 * @example await readQuery(db.collection(path).orderBy('timestamp', 'desc').limit(100), path)
 */
export async function readQuery<T>(query: Query<T>, path: string, options: ReadOptions = {}): Promise<QuerySnapshot<T>> {
  return await readFirestore(query.firestore, path, () => query.get(), options)
}
