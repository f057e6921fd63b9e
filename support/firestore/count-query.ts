import type { Query } from 'firebase-admin/firestore'
import { readFirestore, type ReadOptions } from './read-firestore.ts'

/** Options of `countQuery`. */
export interface CountOptions extends ReadOptions {
  /**
   * Count at most this many documents (`limit(cap).count()`), so the server's work stays bounded.
   * @default no cap
   */
  cap?: number
}

/**
 * Counts a query's documents with the `count()` aggregation (one read per 1,000 documents; no documents are
 * transferred), with a deadline. Google's emulator and the pure-Node fallback both support it.
 * @example await countQuery(db.collection(path), path, { cap: 10_000 })
 */
export async function countQuery(query: Query, path: string, options: CountOptions = {}): Promise<number> {
  const bounded = options.cap === undefined ? query : query.limit(options.cap)
  const snapshot = await readFirestore(query.firestore, path, () => bounded.count().get(), options)
  return snapshot.data().count
}
