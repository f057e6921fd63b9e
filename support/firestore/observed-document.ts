import type { DocumentData, DocumentSnapshot } from 'firebase-admin/firestore'

/** A document as a gate observed it: where it is and its fields as firebase-admin reads them. */
export interface ObservedDocument {
  /** The document id, e.g. `system_status` or `Real Estate`. */
  readonly id: string
  /** The full document path, e.g. `tenants/t1/ops/system_status`. */
  readonly path: string
  /** Its fields; Firestore timestamps stay `Timestamp`s, so policies can check types. */
  readonly data: Readonly<DocumentData>
}

/** The observation of one snapshot: `null` when the document does not exist. */
export function observeDocument(snapshot: DocumentSnapshot): ObservedDocument | null {
  if (!snapshot.exists) return null
  return { id: snapshot.id, path: snapshot.ref.path, data: snapshot.data() ?? {} }
}
