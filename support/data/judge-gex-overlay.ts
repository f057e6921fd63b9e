import type { Judgement } from '../judgement.ts'
import type { ObservedDocument } from '../firestore/index.ts'

/** The document the GEX overlay is meant to read. */
export const GEX_OVERLAY_DOCUMENT_ID = 'system_status'

/** What was read of `tenants/{t}/ops` to find its first document by id. */
export interface OpsCollectionObservation {
  /** `tenants/{t}/ops`. */
  readonly path: string
  /** A bounded read of the collection, asked for in document-id order (`orderBy(FieldPath.documentId())`). */
  readonly documents: readonly ObservedDocument[]
  /** How many documents the collection holds (a capped `count()`). */
  readonly total: number
}

/** The judgement of the UI's GEX overlay query; `unverified` when the data cannot tell. */
export interface GexOverlayJudgement extends Judgement<never> {
  /** The id the UI's `limit(1)` returns, when known. */
  readonly firstId: string | null
}

/** Firestore's order of document ids: by their UTF-8 bytes (JavaScript's `<` compares UTF-16 code units). */
export function compareDocumentIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/**
 * Judges the overlay's read (reference §2.7): the UI queries `collection('tenants/{t}/ops').limit(1)`, which Cloud
 * Firestore answers with the first document by id, so `system_status` must sort first; `market_ingest` (written by
 * ingestion) sorts before it, and the overlay then shows the defaults.
 * @note When the read holds the whole collection, the first id is computed here, which is right on every backend
 * (the pure-Node emulator ignores `orderBy(documentId())` and returns write order). When the collection is
 * larger, the server's order is trusted only if the ids came back sorted; otherwise the judgement is `unverified`.
 */
export function judgeGexOverlay(observation: OpsCollectionObservation): GexOverlayJudgement {
  const query = `collection('${observation.path}').limit(1)`
  const ids = observation.documents.map((document) => document.id)
  if (ids.length === 0) {
    return {
      status: 'fail',
      findings: [],
      reason: `the UI's query ${query} returns nothing: ${observation.path} is empty, so the GEX overlay stays blank. Reseed with \`openbell seed\``,
      firstId: null,
    }
  }
  const complete = observation.total <= ids.length
  const sorted = ids.every((id, index) => index === 0 || compareDocumentIds(ids[index - 1]!, id) < 0)
  if (!complete && !sorted) {
    return {
      status: 'unverified',
      findings: [],
      reason:
        `${observation.path} holds ${observation.total} documents, more than the ${ids.length} read, and they did not come back in ` +
        'document-id order (the pure-Node emulator ignores that order): cannot tell which one the GEX overlay reads',
      firstId: null,
    }
  }
  const firstId = complete ? [...ids].sort(compareDocumentIds)[0]! : ids[0]!
  if (firstId !== GEX_OVERLAY_DOCUMENT_ID) {
    return {
      status: 'fail',
      findings: [],
      reason:
        `the UI's query ${query} returns "${firstId}" (first by document id), not "${GEX_OVERLAY_DOCUMENT_ID}": the GEX overlay ` +
        'would show the defaults net_gex=0 and volatility_bias "Neutral" (useWhaleFlow.ts reads the whole ops collection). ' +
        `Move "${firstId}" out of ${observation.path}, or make the UI read ${GEX_OVERLAY_DOCUMENT_ID} by id`,
      firstId,
    }
  }
  return { status: 'pass', findings: [], reason: `the UI's query ${query} returns "${GEX_OVERLAY_DOCUMENT_ID}", first of ${observation.total} by document id`, firstId }
}
