import type { FirestoreTarget } from './internal/firestore-targets.ts'

/** gRPC status names by code, as Firestore errors carry them. */
const GRPC_STATUS: Readonly<Record<number, string>> = Object.freeze({
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
})

const NETWORK_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE'])

/** Why a Firestore read could not look: a status name and the original message's first line. */
export interface FirestoreFailure {
  /** A gRPC status name, e.g. `UNAVAILABLE`. */
  readonly code: string
  /** The first line of the original message. */
  readonly detail: string
}

/**
 * Classifies an error from a Firestore read as "could not look", or `undefined` when it is something else
 * (a bug in our own code, which must surface as itself).
 */
export function classifyFirestoreFailure(error: unknown): FirestoreFailure | undefined {
  if (!(error instanceof Error)) return undefined
  const detail = (error.message.split('\n')[0] ?? '').trim()
  const code = (error as { code?: unknown }).code
  if (typeof code === 'number' && GRPC_STATUS[code]) return { code: GRPC_STATUS[code], detail }
  if (typeof code === 'string' && NETWORK_ERRNOS.has(code)) return { code: 'UNAVAILABLE', detail }
  if (/Could not load the default credentials|Could not refresh access token/i.test(error.message)) {
    return { code: 'UNAUTHENTICATED', detail }
  }
  return undefined
}

/** What to do next about `code`, for `target`. */
export function nextStepFor(code: string, target: FirestoreTarget | undefined): string {
  const project = target?.projectId ?? 'the project'
  switch (code) {
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
      return target?.emulatorHost
        ? `Check that the emulator answers at ${target.emulatorHost} (start it, or fix FIRESTORE_EMULATOR_HOST), then rerun.`
        : `Check network access to firestore.googleapis.com for ${project}, then rerun; raise the read timeout on a slow network.`
    case 'PERMISSION_DENIED':
      return `Grant the credentials read access to ${project} (e.g. roles/datastore.viewer); the Admin SDK bypasses security rules, so this is IAM.`
    case 'UNAUTHENTICATED':
      return 'Provide application default credentials (`gcloud auth application-default login` or GOOGLE_APPLICATION_CREDENTIALS), then rerun.'
    case 'RESOURCE_EXHAUSTED':
      return `The Firestore quota of ${project} is exhausted; wait, then rerun.`
    case 'FAILED_PRECONDITION':
      return 'The query needs an index or the database is not ready; follow the link in the detail, then rerun.'
    default:
      return 'See the cause; rerun when Firestore answers normally.'
  }
}
