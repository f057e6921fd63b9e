/** firebase-admin Firestore for gates: a named app per client, and reads that time out into could-not-check. */

// The client
export { createFirestoreClient } from './create-firestore-client.ts'
export type { FirestoreClient, FirestoreClientOptions } from './create-firestore-client.ts'
export { FIRESTORE_CLIENT_DEFAULTS } from './defaults.ts'

// Bounded reads
export { readDocument, readFirestore, readQuery, type ReadOptions } from './read-firestore.ts'
export { countQuery } from './count-query.ts'
export type { CountOptions } from './count-query.ts'
export { classifyFirestoreFailure, nextStepFor } from './firestore-failure.ts'
export type { FirestoreFailure } from './firestore-failure.ts'

// Observations, for policies and evidence
export { observeDocument } from './observed-document.ts'
export type { ObservedDocument } from './observed-document.ts'
export { toPlainData } from './to-plain-data.ts'
export { probeEmulatorHost } from './probe-emulator-host.ts'
