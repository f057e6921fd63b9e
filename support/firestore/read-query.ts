import type { Query, QuerySnapshot } from 'firebase-admin/firestore'
import { readFirestore, type ReadOptions } from './read-firestore.ts'

/**
 * Runs a query with a deadline; `path` names it in messages. Could-not-look failures become `CouldNotCheckError`.
 * @note Gate queries should carry a `limit()`: an unbounded read of a large collection is slow and costly.
 * @example await readQuery(db.collection(path).orderBy('timestamp', 'desc').limit(100), path)
 */
export async function readQuery<T>(query: Query<T>, path: string, options: ReadOptions = {}): Promise<QuerySnapshot<T>> {
  return await readFirestore(query.firestore, path, () => query.get(), options)
}
