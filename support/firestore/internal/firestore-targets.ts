import type { Firestore } from 'firebase-admin/firestore'

/** What a `Firestore` made by `createFirestoreClient` talks to, so read errors can name it. */
export interface FirestoreTarget {
  readonly projectId: string
  readonly emulatorHost: string | null
}

const targets = new WeakMap<Firestore, FirestoreTarget>()

/** Remembers what `firestore` talks to. */
export function rememberFirestoreTarget(firestore: Firestore, target: FirestoreTarget): void {
  targets.set(firestore, target)
}

/** What `firestore` talks to, when it was made by `createFirestoreClient`. */
export function getFirestoreTarget(firestore: Firestore): FirestoreTarget | undefined {
  return targets.get(firestore)
}

/** The target in words: `the emulator at 127.0.0.1:8080 (project demo-openbell)`. */
export function describeFirestoreTarget(target: FirestoreTarget | undefined): string {
  if (!target) return 'Firestore'
  return target.emulatorHost === null
    ? `Cloud Firestore (project ${target.projectId})`
    : `the emulator at ${target.emulatorHost} (project ${target.projectId})`
}

const inFlight = new WeakMap<Firestore, Set<Promise<unknown>>>()

/** Remembers a read until it settles, so `close()` can wait for it (see `settleReads`). */
export function trackRead(firestore: Firestore, read: Promise<unknown>): void {
  let reads = inFlight.get(firestore)
  if (!reads) inFlight.set(firestore, (reads = new Set()))
  const settled: Promise<unknown> = read.then(
    () => reads.delete(settled),
    () => reads.delete(settled),
  )
  reads.add(settled)
}

/** Settles when every read tracked for `firestore` has settled. */
export async function settleReads(firestore: Firestore): Promise<void> {
  await Promise.allSettled([...(inFlight.get(firestore) ?? [])])
}
