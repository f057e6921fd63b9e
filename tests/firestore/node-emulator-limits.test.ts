import { Timestamp } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFirestoreEmulator, type StartedFirestore } from '../../emulators/firestore/index.ts'
import { countQuery, createFirestoreClient, readQuery, type FirestoreClient } from '../../support/firestore/index.ts'
import { availableBackends } from './available-backends.ts'

/**
 * Where the pure-Node fallback answers differently from Google's emulator (= Cloud Firestore semantics).
 * Each case states both answers, so a gate that runs on the fallback knows what it cannot see.
 */
const T = 'tenants/limits'
const at = (minute: number) => Timestamp.fromDate(new Date(Date.UTC(2026, 1, 5, 14, minute)))

describe.each(await availableBackends())('query semantics on the %s backend', (backend) => {
  let emulator: StartedFirestore
  let client: FirestoreClient
  const expectOn = <V>(answers: { gcloud: V; node: V }): V => answers[backend]

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({ strategies: [backend] })
    client = createFirestoreClient({ projectId: emulator.projectId, emulatorHost: emulator.host, env: {} })
    const db = client.firestore
    // @note written in this order on purpose: system_status first, market_ingest (which sorts first by id) second.
    await db.doc(`${T}/ops/system_status`).set({ net_gex: 1, volatility_bias: 'Bullish', timestamp: at(0) })
    await db.doc(`${T}/ops/market_ingest`).set({ heartbeat: at(0) })
    const batch = db.batch()
    batch.set(db.doc(`${T}/live/c`), { n: 3, symbol: 'SPY', timestamp: at(3) })
    batch.set(db.doc(`${T}/live/a`), { n: 1, symbol: 'QQQ', timestamp: at(1) })
    batch.set(db.doc(`${T}/live/b`), { n: 2, symbol: 'IWM', timestamp: at(2) })
    batch.set(db.doc(`${T}/live/no-timestamp`), { n: 4, symbol: 'TSLA' })
    await batch.commit()
  }, 90_000)
  afterAll(async () => {
    await client?.close()
    await emulator?.stop()
  })

  it("ops.limit(1) (the GEX overlay's query): the first document by id, or the first written", async () => {
    const snapshot = await readQuery(client.firestore.collection(`${T}/ops`).limit(1), `${T}/ops`)
    // @note on Google's emulator this reproduces the UI bug of reference §2.7; the fallback hides it.
    expect(snapshot.docs.map((d) => d.id)).toEqual(expectOn({ gcloud: ['market_ingest'], node: ['system_status'] }))
  })

  it("orderBy('timestamp') leaves out documents without a timestamp, or keeps them last", async () => {
    const snapshot = await readQuery(client.firestore.collection(`${T}/live`).orderBy('timestamp', 'desc').limit(100), `${T}/live`)
    expect(snapshot.docs.map((d) => d.id)).toEqual(expectOn({ gcloud: ['c', 'b', 'a'], node: ['c', 'b', 'a', 'no-timestamp'] }))
  })

  it('cursors and offset work, or are ignored', async () => {
    const live = client.firestore.collection(`${T}/live`)
    const after = await readQuery(live.orderBy('n').startAfter(2), `${T}/live`)
    const offset = await readQuery(live.orderBy('n').offset(2), `${T}/live`)
    expect(after.docs.map((d) => d.id)).toEqual(expectOn({ gcloud: ['c', 'no-timestamp'], node: ['a', 'b', 'c', 'no-timestamp'] }))
    expect(offset.docs.map((d) => d.id)).toEqual(expectOn({ gcloud: ['c', 'no-timestamp'], node: ['a', 'b', 'c', 'no-timestamp'] }))
  })

  it('collectionGroup() finds the documents, or nothing', async () => {
    const snapshot = await readQuery(client.firestore.collectionGroup('live'), 'collectionGroup(live)')
    expect(snapshot.size).toBe(expectOn({ gcloud: 4, node: 0 }))
  })

  it('select() projects, or returns whole documents', async () => {
    const snapshot = await readQuery(client.firestore.collection(`${T}/live`).select('symbol').limit(1), `${T}/live`)
    expect(Object.keys(snapshot.docs[0]!.data()).sort()).toEqual(expectOn({ gcloud: ['symbol'], node: ['n', 'symbol', 'timestamp'] }))
  })

  it('count() works on both', async () => {
    expect(await countQuery(client.firestore.collection(`${T}/live`), `${T}/live`)).toBe(4)
    expect(await countQuery(client.firestore.collection(`${T}/live`).where('n', '>', 1), `${T}/live`)).toBe(3)
  })

  it('a nested-field query answers, or hangs until the read times out (could not check)', async () => {
    const query = client.firestore.collection(`${T}/live`).where('meta.source', '==', 'x')
    const outcome = await readQuery(query, `${T}/live`, { timeoutMs: 1_000 }).then(
      (snapshot) => `${snapshot.size} documents`,
      (error: Error) => error.constructor.name,
    )
    expect(outcome).toBe(expectOn({ gcloud: '0 documents', node: 'CouldNotCheckError' }))
  })
})
