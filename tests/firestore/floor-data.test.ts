import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFirestoreEmulator, type StartedFirestore } from '../../emulators/firestore/index.ts'
import { countQuery, createFirestoreClient, readDocument, readQuery, type FirestoreClient } from '../../support/firestore/index.ts'
import { isGoldenSweep } from '../../support/data/golden-sweep.ts'
import { SECTOR_IDS, SECTOR_TABLE, SENTIMENT_SECTORS_PATH, sectorDocumentSchema } from '../../support/data/sentiment-contract.ts'
import {
  opsCollectionPath,
  systemStatusPath,
  systemStatusSchema,
  whaleTradeSchema,
  whaleTradesPath,
} from '../../support/data/whale-trade-contract.ts'
import { seedFloorData, type FloorDataSummary } from '../../support/seed/index.ts'
import { availableBackends } from './available-backends.ts'

const NOW = new Date('2026-02-05T14:30:00.000Z')
const SEED = 42
const TENANT = 'tenant-a'

describe.each(await availableBackends())('seeded floor data read back with firebase-admin (%s backend)', (backend) => {
  let emulator: StartedFirestore
  let client: FirestoreClient
  let summary: FloorDataSummary

  beforeAll(async () => {
    emulator = await startFirestoreEmulator({ strategies: [backend] })
    client = createFirestoreClient({ projectId: emulator.projectId, emulatorHost: emulator.host, env: {} })
    summary = await seedFloorData(client.firestore, { tenantId: TENANT, seed: SEED, now: NOW })
  }, 90_000)
  afterAll(async () => {
    await client?.close()
    await emulator?.stop()
  })

  it('says which backend ran and how long it took to start', () => {
    expect(emulator.backend).toBe(backend)
    expect(emulator.probes.at(-1)).toMatchObject({ name: backend, outcome: 'used' })
    expect(emulator.startupMs).toBeGreaterThan(0)
  })

  it('summarises what it wrote', () => {
    expect(summary).toMatchObject({
      tenantId: TENANT,
      seed: SEED,
      now: '2026-02-05T14:30:00.000Z',
      sectors: { path: SENTIMENT_SECTORS_PATH, count: 11 },
      trades: { path: whaleTradesPath(TENANT), written: 55, regular: 50, goldenSweeps: 5, batches: 1 },
      systemStatus: { path: systemStatusPath(TENANT) },
    })
    expect(summary.trades.goldenByRule).toBeGreaterThanOrEqual(5)
  })

  it('reads the 11 sectors by id, with the seeded values', async () => {
    for (const sector of SECTOR_TABLE) {
      const snapshot = await readDocument(client.firestore, `${SENTIMENT_SECTORS_PATH}/${sector.id}`)
      expect(snapshot.exists, sector.id).toBe(true)
      const data = snapshot.data()!
      expect(sectorDocumentSchema.parse(data)).toEqual({ value: sector.value, sentiment: sector.sentiment, leadingTicker: sector.leadingTicker })
      expect(data.seededAt).toBe('2026-02-05T14:30:00.000000')
      expect(data.lastUpdated.toDate()).toBeInstanceOf(Date)
    }
    const all = await readQuery(client.firestore.collection(SENTIMENT_SECTORS_PATH), SENTIMENT_SECTORS_PATH)
    expect(all.docs.map((doc) => doc.id).sort()).toEqual([...SECTOR_IDS].sort())
  })

  it("runs the UI's trades query: orderBy('timestamp', 'desc').limit(100)", async () => {
    const path = whaleTradesPath(TENANT)
    const snapshot = await readQuery(client.firestore.collection(path).orderBy('timestamp', 'desc').limit(100), path)
    expect(snapshot.size).toBe(55)
    const times = snapshot.docs.map((doc) => doc.get('timestamp').toMillis() as number)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(times[0]).toBeLessThanOrEqual(NOW.getTime())
    expect(times.at(-1)).toBeGreaterThanOrEqual(NOW.getTime() - 60 * 60_000)
    for (const doc of snapshot.docs) expect(whaleTradeSchema.safeParse(doc.data()).success, doc.id).toBe(true)
  })

  it('counts the trades with the count() aggregation, capped or not', async () => {
    const path = whaleTradesPath(TENANT)
    const trades = client.firestore.collection(path)
    expect(await countQuery(trades, path)).toBe(55)
    expect(await countQuery(trades, path, { cap: 10 })).toBe(10)
  })

  it("reads the GEX overlay like the UI: collection('tenants/T/ops').limit(1)", async () => {
    const path = opsCollectionPath(TENANT)
    const snapshot = await readQuery(client.firestore.collection(path).limit(1), path)
    expect(snapshot.docs.map((doc) => doc.id)).toEqual(['system_status'])
    const status = systemStatusSchema.parse(snapshot.docs[0]!.data())
    expect(status).toMatchObject({ net_gex: summary.systemStatus.net_gex, volatility_bias: summary.systemStatus.volatility_bias })
    expect(status.timestamp.toDate()).toEqual(NOW)
  })

  it('holds golden sweeps by the UI rule', async () => {
    const path = whaleTradesPath(TENANT)
    const snapshot = await readQuery(client.firestore.collection(path).orderBy('timestamp', 'desc').limit(100), path)
    const golden = snapshot.docs.filter((doc) => isGoldenSweep(doc.data(), NOW))
    expect(golden.length).toBe(summary.trades.goldenByRule)
    expect(golden.length).toBeGreaterThanOrEqual(1)
  })

  it('is deterministic: the same seed writes the same documents (ids aside)', async () => {
    const read = async (tenantId: string, seed: number): Promise<string[]> => {
      await seedFloorData(client.firestore, { tenantId, seed, now: NOW })
      const path = whaleTradesPath(tenantId)
      const snapshot = await readQuery(client.firestore.collection(path).limit(100), path)
      return snapshot.docs.map((doc) => JSON.stringify(doc.data())).sort()
    }
    const first = await read('det-a', 7)
    expect(first).toHaveLength(55)
    expect(await read('det-b', 7)).toEqual(first)
    expect(await read('det-c', 8)).not.toEqual(first)
  })

  it('writes several batches when asked for more than 500 trades', async () => {
    const result = await seedFloorData(client.firestore, { tenantId: 'batches', trades: 1_200, goldenSweeps: 0, now: NOW, concurrency: 2 })
    expect(result.trades).toMatchObject({ written: 1_200, batches: 3 })
    expect(await countQuery(client.firestore.collection(result.trades.path), result.trades.path)).toBe(1_200)
  }, 60_000)
})
