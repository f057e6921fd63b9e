import { FieldPath, Timestamp, type Query } from 'firebase-admin/firestore'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFirestoreEmulator, type StartedFirestore } from '../../emulators/firestore/index.ts'
import { createFirestoreReader, type FirestoreReader } from '../../support/data/firestore-reader.ts'
import { CouldNotCheckError } from '../../support/errors.ts'
import { createFirestoreClient, readQuery, type FirestoreClient } from '../../support/firestore/index.ts'
import { judgeGexOverlay } from '../../support/data/judge-gex-overlay.ts'
import { judgeGoldenSweeps } from '../../support/data/judge-golden-sweeps.ts'
import { judgeSentimentSectors } from '../../support/data/judge-sentiment-sectors.ts'
import { judgeSystemStatus } from '../../support/data/judge-system-status.ts'
import { judgeTradeFreshness } from '../../support/data/judge-trade-freshness.ts'
import { judgeWhaleTrades } from '../../support/data/judge-whale-trades.ts'
import { seedFloorData, seedWhaleTrades } from '../../support/seed/index.ts'
import { availableBackends } from '../firestore/available-backends.ts'

/**
 * The `data-seeded` gate's reads and policies against both emulators: the same data gives the same judgement on
 * Google's emulator (Cloud Firestore semantics) and on the pure-Node fallback, whose query order differs.
 */
const NOW = new Date('2026-02-05T14:30:00.000Z')
const MAX_AGE = 3_600

describe.each(await availableBackends())('data-seeded reads on the %s backend', (backend) => {
  let emulator: StartedFirestore
  let writer: FirestoreClient
  const expectOn = <V>(answers: { gcloud: V; node: V }): V => answers[backend]
  const readers: FirestoreReader[] = []
  const reader = (tenantId: string | null, projectId: string | null = emulator.projectId): FirestoreReader => {
    const created = createFirestoreReader({ projectId, emulatorHost: emulator.host, tenantId, env: {} })
    readers.push(created)
    return created
  }

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({ strategies: [backend] })
    writer = createFirestoreClient({ projectId: emulator.projectId, emulatorHost: emulator.host, env: {} })
    await seedFloorData(writer.firestore, { tenantId: 'healthy', seed: 3, now: NOW })
  }, 90_000)
  afterAll(async () => {
    await Promise.all(readers.map((created) => created.close()))
    await writer?.close()
    await emulator?.stop()
  })

  it('passes every check on freshly seeded data', async () => {
    const floor = reader('healthy')
    const trades = await floor.readWhaleTrades()
    expect(judgeSentimentSectors(await floor.readSentimentSectors())).toMatchObject({ status: 'pass' })
    expect(judgeWhaleTrades(trades)).toMatchObject({ status: 'pass', shown: 55 })
    expect(judgeTradeFreshness(trades, NOW, MAX_AGE)).toMatchObject({ status: 'pass' })
    expect(judgeGoldenSweeps(trades, NOW).status).toBe('pass')
    expect(judgeSystemStatus(await floor.readSystemStatus()).status).toBe('pass')
    expect(judgeGexOverlay(await floor.readOpsCollection())).toMatchObject({ status: 'pass', firstId: 'system_status' })
  })

  it('reads the newest 100 trades in timestamp order, however many there are', async () => {
    await seedWhaleTrades(writer.firestore, { tenantId: 'many', trades: 240, goldenSweeps: 0, seed: 5, now: NOW })
    const trades = await reader('many').readWhaleTrades()
    expect(trades.documents).toHaveLength(100)
    const times = trades.documents.map((document) => (document.data.timestamp as Timestamp).toMillis())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  }, 60_000)

  it('fails the GEX overlay when market_ingest sorts first, whatever order the backend returns', async () => {
    // @note system_status is written first: the pure-Node emulator returns write order, Cloud Firestore id order.
    await seedFloorData(writer.firestore, { tenantId: 'shadowed', trades: 1, goldenSweeps: 1, now: NOW })
    await writer.firestore.doc('tenants/shadowed/ops/market_ingest').set({ status: 'running', last_heartbeat: Timestamp.fromDate(NOW) })
    const floor = reader('shadowed')
    expect(judgeSystemStatus(await floor.readSystemStatus()).status).toBe('pass')
    expect(judgeGexOverlay(await floor.readOpsCollection())).toMatchObject({ status: 'fail', firstId: 'market_ingest' })
  })

  it('pins why the gate orders ops ids itself: the Node emulator ignores document-id order and filters', async () => {
    const ops = writer.firestore.collection('tenants/order/ops')
    await ops.doc('system_status').set({ n: 1 })
    await ops.doc('market_ingest').set({ n: 2 })
    const ids = async (query: Query) => (await readQuery(query, 'tenants/order/ops')).docs.map((doc) => doc.id)
    expect(await ids(ops.orderBy(FieldPath.documentId()).limit(1))).toEqual(expectOn({ gcloud: ['market_ingest'], node: ['system_status'] }))
    expect(await ids(ops.where(FieldPath.documentId(), '<', 'system_status'))).toEqual(expectOn({ gcloud: ['market_ingest'], node: [] }))
    expect(judgeGexOverlay(await reader('order').readOpsCollection())).toMatchObject({ status: 'fail', firstId: 'market_ingest' })
  })

  it('fails an empty ops collection and a missing system_status', async () => {
    const floor = reader('nobody')
    expect(judgeSystemStatus(await floor.readSystemStatus()).status).toBe('fail')
    expect(judgeGexOverlay(await floor.readOpsCollection())).toMatchObject({ status: 'fail', firstId: null })
    expect(judgeWhaleTrades(await floor.readWhaleTrades())).toMatchObject({ status: 'fail', shown: 0 })
  })

  it('leaves out a trade without a timestamp on both backends, as the UI query does', async () => {
    await seedWhaleTrades(writer.firestore, { tenantId: 'untimed', trades: 2, goldenSweeps: 0, seed: 9, now: NOW })
    await writer.firestore.doc('tenants/untimed/market_intelligence/options_flow/live/no-timestamp').set({ symbol: 'SPY', premium: 9e6, days_to_expiry: 3 })
    const judgement = judgeWhaleTrades(await reader('untimed').readWhaleTrades())
    expect(judgement).toMatchObject({ status: 'pass', shown: 2 })
  })

  it('shares one read among the checks of a gate', async () => {
    const floor = reader('healthy')
    expect(await floor.readWhaleTrades()).toBe(await floor.readWhaleTrades())
  })

  it('cannot check the tenant without a tenant, but still reads the heatmap', async () => {
    const floor = reader(null)
    const error = await floor.readWhaleTrades().catch((e: unknown) => e)
    expect(error).toEqual(
      new CouldNotCheckError(
        'No tenant to read: Whale Flow data lives under tenants/{tenantId}/, and this run names no tenant. ' +
          'Pass --tenant-id ID (or OPENBELL_TENANT_ID), then rerun.',
      ),
    )
    await expect(floor.readSystemStatus()).rejects.toBeInstanceOf(CouldNotCheckError)
    await expect(floor.readOpsCollection()).rejects.toBeInstanceOf(CouldNotCheckError)
    expect(judgeSentimentSectors(await floor.readSentimentSectors()).status).toBe('pass')
  })

  it('cannot check anything without a project', async () => {
    await expect(reader('healthy', null).readSentimentSectors()).rejects.toEqual(
      new CouldNotCheckError('No Firestore project to read: pass --firestore-project ID (or set GOOGLE_CLOUD_PROJECT), then rerun.'),
    )
  })

  // @note last: the heatmap collection is global, so these change what the other tests read.
  it('fails a polluted heatmap and names the documents, counting those the bounded listing did not see', async () => {
    const batch = writer.firestore.batch()
    for (let i = 0; i < 20; i++) {
      batch.set(writer.firestore.doc(`marketData/sentiment/sectors/STOCK${String(i).padStart(2, '0')}`), { symbol: `S${i}`, marketCap: 3000, sentimentScore: 0.1 })
    }
    await batch.commit()
    const sectors = await reader('healthy').readSentimentSectors()
    expect(sectors.documents.length).toBeLessThanOrEqual(11 + 12)
    const judgement = judgeSentimentSectors(sectors)
    expect(judgement).toMatchObject({ status: 'fail', missing: [], findings: [] })
    expect(judgement.extra.count).toBe(20)
    expect(judgement.extra.ids.length).toBeGreaterThanOrEqual(1)
    expect(judgement.reason).toContain('holds 20 documents besides the 11 sectors ("STOCK')
  })

  it('fails a heatmap with a sector deleted', async () => {
    await writer.firestore.doc('marketData/sentiment/sectors/Real Estate').delete()
    const judgement = judgeSentimentSectors(await reader('healthy').readSentimentSectors())
    expect(judgement).toMatchObject({ status: 'fail', missing: ['Real Estate'] })
  })
})
