import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore'
import { readFirestore, type ReadOptions } from './read-firestore.ts'

/**
 * Reads one document by path, with a deadline; could-not-look failures become `CouldNotCheckError`.
 * @example const status = await readDocument(db, 'tenants/T/ops/system_status')
 */
export async function readDocument(firestore: Firestore, path: string, options: ReadOptions = {}): Promise<DocumentSnapshot> {
  return await readFirestore(firestore, path, () => firestore.doc(path).get(), options)
}
