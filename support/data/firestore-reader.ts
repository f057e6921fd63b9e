import { FieldPath, type Firestore } from 'firebase-admin/firestore'
import { CouldNotCheckError } from '../errors.ts'
import {
  countQuery,
  createFirestoreClient,
  readDocument,
  readFirestore,
  readQuery,
  type FirestoreClient,
  observeDocument,
  type ObservedDocument,
} from '../firestore/index.ts'
import type { OpsCollectionObservation } from './judge-gex-overlay.ts'
import type { SentimentSectorsObservation } from './judge-sentiment-sectors.ts'
import type { SystemStatusObservation } from './judge-system-status.ts'
import type { WhaleTradesObservation } from './judge-whale-trades.ts'
import { SECTOR_IDS, SENTIMENT_SECTORS_PATH } from './sentiment-contract.ts'
import { opsCollectionPath, systemStatusPath, whaleTradesPath } from './whale-trade-contract.ts'

/** How much each read may take: every gate read is bounded, so it costs the same with 100 or 1,000,000 trades. */
export const FIRESTORE_READER_LIMITS = Object.freeze({
  /** The Whale Flow UI's `maxTrades`: its query reads the newest 100. */
  whaleTrades: 100,
  /** One more than the 11 sectors: enough to see, and name, a document that does not belong. */
  sentimentListing: 12,
  /** `ops` documents read to find the first by id; the collection normally holds one or two. */
  opsListing: 20,
  /** Where `count()` stops counting. */
  countCap: 1_000,
})

/** Options of {@link createFirestoreReader}. */
export interface FirestoreReaderOptions {
  /** The Firestore project; `null` makes every read a could-not-check (no project named). */
  projectId: string | null
  /** `host:port` of an emulator, or `null` for Cloud Firestore with application default credentials. */
  emulatorHost: string | null
  /** The tenant of the Whale Flow reads; `null` makes them could-not-check (cluster mode without `--tenant-id`). */
  tenantId: string | null
  /**
   * Each read gives up after this long (then could-not-check).
   * @default 5000
   */
  timeoutMs?: number
  /**
   * The environment `createFirestoreClient` checks for `FIRESTORE_EMULATOR_HOST`.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv
}

/** Read-only, bounded access to the Firestore data the trading floor's UI reads. Async-disposable. */
export interface FirestoreReader extends AsyncDisposable {
  /** The 11 sectors by id, a listing of 12 and a capped count of `marketData/sentiment/sectors`. */
  readSentimentSectors(): Promise<Required<SentimentSectorsObservation>>
  /** The Whale Flow UI's query: `orderBy('timestamp', 'desc').limit(100)` on the tenant's trades. */
  readWhaleTrades(): Promise<WhaleTradesObservation>
  /** `tenants/{t}/ops/system_status`. */
  readSystemStatus(): Promise<SystemStatusObservation>
  /** `tenants/{t}/ops` in document-id order (at most 20) and its capped count. */
  readOpsCollection(): Promise<OpsCollectionObservation>
  /** Closes the client, if one was made. Idempotent. */
  close(): Promise<void>
}

/**
 * Creates the reader. The client is made on the first read, so a missing project or a refused target turns each
 * read into a could-not-check instead of failing at setup. Every read is made once per reader and shared, so all
 * checks of a gate judge the same snapshot, and a read that could not look fails the same way for each of them.
 */
export function createFirestoreReader(options: FirestoreReaderOptions): FirestoreReader {
  const timeoutMs = options.timeoutMs ?? 5_000
  let client: FirestoreClient | undefined
  const cache = new Map<string, Promise<unknown>>()

  const connect = (): Firestore => {
    if (options.projectId === null) {
      throw new CouldNotCheckError(
        'No Firestore project to read: pass --firestore-project ID (or set GOOGLE_CLOUD_PROJECT), then rerun.',
      )
    }
    client ??= createFirestoreClient({ projectId: options.projectId, emulatorHost: options.emulatorHost, env: options.env })
    return client.firestore
  }
  const tenant = (): string => {
    if (options.tenantId === null) {
      throw new CouldNotCheckError(
        'No tenant to read: Whale Flow data lives under tenants/{tenantId}/, and this run names no tenant. ' +
          'Pass --tenant-id ID (or OPENBELL_TENANT_ID), then rerun.',
      )
    }
    return options.tenantId
  }
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let pending = cache.get(key) as Promise<T> | undefined
    if (!pending) {
      pending = Promise.resolve().then(read)
      cache.set(key, pending)
    }
    return pending
  }
  const present = (documents: readonly (ObservedDocument | null)[]): ObservedDocument[] =>
    documents.filter((document): document is ObservedDocument => document !== null)

  let closed: Promise<void> | undefined
  const close = (): Promise<void> => (closed ??= client?.close() ?? Promise.resolve())

  return {
    readSentimentSectors: () =>
      once('sentiment', async () => {
        const db = connect()
        const path = SENTIMENT_SECTORS_PATH
        const sectors = db.collection(path)
        const [byId, listing, total] = await Promise.all([
          readFirestore(db, path, () => db.getAll(...SECTOR_IDS.map((id) => sectors.doc(id))), { timeoutMs }),
          readQuery(sectors.limit(FIRESTORE_READER_LIMITS.sentimentListing), path, { timeoutMs }),
          countQuery(sectors, path, { timeoutMs, cap: FIRESTORE_READER_LIMITS.countCap }),
        ])
        const documents = new Map(present([...byId, ...listing.docs].map(observeDocument)).map((document) => [document.id, document]))
        return { path, documents: [...documents.values()], total }
      }),
    readWhaleTrades: () =>
      once('trades', async () => {
        const db = connect()
        const path = whaleTradesPath(tenant())
        const query = db.collection(path).orderBy('timestamp', 'desc').limit(FIRESTORE_READER_LIMITS.whaleTrades)
        const snapshot = await readQuery(query, path, { timeoutMs })
        return { path, documents: present(snapshot.docs.map(observeDocument)) }
      }),
    readSystemStatus: () =>
      once('system-status', async () => {
        const db = connect()
        const path = systemStatusPath(tenant())
        return { path, document: observeDocument(await readDocument(db, path, { timeoutMs })) }
      }),
    readOpsCollection: () =>
      once('ops', async () => {
        const db = connect()
        const path = opsCollectionPath(tenant())
        const ops = db.collection(path)
        const [listing, total] = await Promise.all([
          readQuery(ops.orderBy(FieldPath.documentId()).limit(FIRESTORE_READER_LIMITS.opsListing), path, { timeoutMs }),
          countQuery(ops, path, { timeoutMs, cap: FIRESTORE_READER_LIMITS.countCap }),
        ])
        return { path, documents: present(listing.docs.map(observeDocument)), total }
      }),
    close,
    [Symbol.asyncDispose]: close,
  }
}
