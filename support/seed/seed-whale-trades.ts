import type { Firestore } from 'firebase-admin/firestore'
import { z } from 'zod'
import { UsageError } from '../errors.ts'
import { isGoldenSweep, whaleTradesPath } from '../data/index.ts'
import { createPrng, type Prng } from './create-prng.ts'
import { MAX_BATCH_WRITES, SEED_DEFAULTS } from './defaults.ts'
import { generateWhaleTrades, type WhaleTradeDocument } from './generate-whale-trades.ts'
import { writeInBatches } from './write-in-batches.ts'

/** Options of `seedWhaleTrades`. */
export interface SeedWhaleTradesOptions {
  /** The tenant whose `market_intelligence/options_flow/live` collection receives the trades. */
  tenantId: string
  /**
   * Regular trades to write.
   * @default 50
   */
  trades?: number
  /**
   * Golden sweeps to write after them.
   * @default 5
   */
  goldenSweeps?: number
  /**
   * The generator's seed, or a generator to continue.
   * @default 1
   */
  seed?: number | Prng
  /**
   * The clock: timestamps fall within the 60 (30 for golden) minutes before it.
   * @default new Date()
   */
  now?: Date
  /**
   * Writes per batch (at most 500).
   * @default 500
   */
  batchSize?: number
  /**
   * Batches in flight at once.
   * @default 4
   */
  concurrency?: number
}

/** What `seedWhaleTrades` wrote. */
export interface SeedWhaleTradesResult {
  /** The trades collection. */
  readonly path: string
  /** Documents written. */
  readonly written: number
  /** Regular trades among them. */
  readonly regular: number
  /** Golden sweeps generated as such. */
  readonly goldenSweeps: number
  /** Trades the UI would badge golden at `now` (regular trades can qualify too: about 7 %). */
  readonly goldenByRule: number
  /** Batches committed. */
  readonly batches: number
}

const count = z.number().int().nonnegative()
const optionsSchema = z.object({
  tenantId: z.string().min(1),
  trades: count.default(SEED_DEFAULTS.trades),
  goldenSweeps: count.default(SEED_DEFAULTS.goldenSweeps),
  batchSize: z.number().int().min(1).max(MAX_BATCH_WRITES).default(SEED_DEFAULTS.batchSize),
  concurrency: z.number().int().min(1).default(SEED_DEFAULTS.concurrency),
})

/** Validates seeding options; an invalid one is a `UsageError` naming it. */
export function resolveSeedOptions(options: SeedWhaleTradesOptions): z.infer<typeof optionsSchema> {
  const parsed = optionsSchema.safeParse(options)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new UsageError(`seeding: ${issue?.path.join('.') || 'options'} is invalid (${issue?.message ?? 'unknown'}).`)
}

/**
 * Writes deterministic Whale Flow trades (18 fields each) for a tenant, fast: batches of up to 500, several in
 * flight. The same seed and `now` give the same documents (ids are Firestore auto ids).
 * @example await seedWhaleTrades(db, { tenantId: 'bench', trades: 100_000, goldenSweeps: 0, now })
 */
export async function seedWhaleTrades(firestore: Firestore, options: SeedWhaleTradesOptions): Promise<SeedWhaleTradesResult> {
  const resolved = resolveSeedOptions(options)
  const seed = options.seed ?? SEED_DEFAULTS.seed
  const prng = typeof seed === 'number' ? createPrng(seed) : seed
  const now = options.now ?? new Date()
  const path = whaleTradesPath(resolved.tenantId)
  let goldenByRule = 0
  const counted = function* (trades: Iterable<WhaleTradeDocument>) {
    for (const trade of trades) {
      if (isGoldenSweep(trade, now)) goldenByRule += 1
      yield trade
    }
  }
  const trades = generateWhaleTrades(prng, { regular: resolved.trades, goldenSweeps: resolved.goldenSweeps }, now)
  const { written, batches } = await writeInBatches(firestore, path, counted(trades), resolved)
  return { path, written, regular: resolved.trades, goldenSweeps: resolved.goldenSweeps, goldenByRule, batches }
}
