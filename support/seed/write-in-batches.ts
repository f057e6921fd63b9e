import type { DocumentData, Firestore, WriteBatch } from 'firebase-admin/firestore'
import { OpenbellError } from '../errors.ts'

/** What `writeInBatches` did. */
export interface BatchWriteResult {
  /** Documents committed. */
  readonly written: number
  /** Batches committed. */
  readonly batches: number
}

/**
 * Writes `documents` to new auto-id documents of `collectionPath` in `WriteBatch`es of `batchSize`, with at most
 * `concurrency` batches in flight; documents are drawn lazily, so memory stays bounded for 100,000 of them.
 * @note WriteBatch (Commit), not BulkWriter: the pure-Node emulator does not implement BatchWrite, and
 * BulkWriter's failure there surfaces as an unhandled rejection, not as an error of the call.
 */
export async function writeInBatches(
  firestore: Firestore,
  collectionPath: string,
  documents: Iterable<DocumentData>,
  options: { readonly batchSize: number; readonly concurrency: number },
): Promise<BatchWriteResult> {
  const collection = firestore.collection(collectionPath)
  const pending = new Set<Promise<void>>()
  let written = 0
  let batches = 0
  let failure: unknown
  const launch = (batch: WriteBatch, size: number): void => {
    const commit: Promise<void> = batch
      .commit()
      .then(
        () => {
          written += size
          batches += 1
        },
        (error: unknown) => {
          failure ??= error
        },
      )
      .finally(() => pending.delete(commit))
    pending.add(commit)
  }
  let batch = firestore.batch()
  let size = 0
  for (const document of documents) {
    batch.set(collection.doc(), document)
    size += 1
    if (size < options.batchSize) continue
    launch(batch, size)
    batch = firestore.batch()
    size = 0
    while (pending.size >= options.concurrency) await Promise.race(pending)
    if (failure !== undefined) break
  }
  if (size > 0 && failure === undefined) launch(batch, size)
  await Promise.all(pending)
  if (failure !== undefined) {
    throw new OpenbellError(
      `writing to Firestore "${collectionPath}" failed after ${written} documents: ${(failure as Error).message ?? failure}. ` +
        'Check that Firestore answers, then seed again (auto ids: already written documents stay).',
      { cause: failure },
    )
  }
  return { written, batches }
}
