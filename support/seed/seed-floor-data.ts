import { Timestamp, type Firestore } from 'firebase-admin/firestore'
import { systemStatusPath, VOLATILITY_BIASES, type SystemStatus } from '../data/index.ts'
import { createPrng } from './create-prng.ts'
import { SEED_DEFAULTS } from './defaults.ts'
import { seedSentimentSectors, type SeedSentimentSectorsResult } from './seed-sentiment-sectors.ts'
import { resolveSeedOptions, seedWhaleTrades, type SeedWhaleTradesOptions, type SeedWhaleTradesResult } from './seed-whale-trades.ts'

/** Options of `seedFloorData`: those of `seedWhaleTrades` with a numeric seed. */
export interface SeedFloorDataOptions extends Omit<SeedWhaleTradesOptions, 'seed'> {
  /**
   * The generator's seed: the same seed and `now` give the same documents.
   * @default 1
   */
  seed?: number
}

/** What `seedFloorData` wrote. */
export interface FloorDataSummary {
  readonly tenantId: string
  readonly seed: number
  /** The clock used, ISO 8601. */
  readonly now: string
  /** The 11 heatmap sectors (global). */
  readonly sectors: SeedSentimentSectorsResult & { readonly count: number }
  /** The Whale Flow trades. */
  readonly trades: SeedWhaleTradesResult
  /** The GEX overlay document. */
  readonly systemStatus: { readonly path: string } & Pick<SystemStatus, 'net_gex' | 'volatility_bias'>
}

/**
 * Seeds what the trading floor's UI reads: the 11 heatmap sectors (one batch), Whale Flow trades for the tenant
 * (batches of ≤ 500) and `tenants/{t}/ops/system_status`. Same `seed` and `now`, same documents.
 * @example const summary = await seedFloorData(db, { tenantId: 'demo', seed: 7, now: new Date('2026-02-05T14:30:00Z') })
 */
export async function seedFloorData(firestore: Firestore, options: SeedFloorDataOptions): Promise<FloorDataSummary> {
  const resolved = resolveSeedOptions(options)
  const seed = options.seed ?? SEED_DEFAULTS.seed
  const now = options.now ?? new Date()
  const prng = createPrng(seed)
  const sectors = await seedSentimentSectors(firestore, now)
  const trades = await seedWhaleTrades(firestore, { ...resolved, seed: prng, now })
  const status = {
    net_gex: prng.uniform(-5_000_000, 5_000_000),
    volatility_bias: prng.pick(VOLATILITY_BIASES),
  }
  const path = systemStatusPath(resolved.tenantId)
  await firestore.doc(path).set({ ...status, timestamp: Timestamp.fromDate(now) })
  return {
    tenantId: resolved.tenantId,
    seed,
    now: now.toISOString(),
    sectors: { ...sectors, count: sectors.ids.length },
    trades,
    systemStatus: { path, ...status },
  }
}
