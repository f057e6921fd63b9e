import { Timestamp } from 'firebase-admin/firestore'
import { z } from 'zod'
import { UsageError } from '../errors.ts'

/**
 * The Whale Flow Firestore contract (reference `agenttrader-v2.md` §2): the trade fields the UI reads and the
 * GEX overlay document, with their types.
 */

/** Checks a tenant id is one path segment. */
function segment(tenantId: string): string {
  if (tenantId === '' || tenantId.includes('/')) {
    throw new UsageError(`tenant id ${JSON.stringify(tenantId)} is not one Firestore path segment; expected e.g. "tenant-a".`)
  }
  return tenantId
}

/** The trades collection: `tenants/{tenantId}/market_intelligence/options_flow/live`. */
export function whaleTradesPath(tenantId: string): string {
  return `tenants/${segment(tenantId)}/market_intelligence/options_flow/live`
}

/** The `ops` collection the GEX overlay queries with `limit(1)`: `tenants/{tenantId}/ops`. */
export function opsCollectionPath(tenantId: string): string {
  return `tenants/${segment(tenantId)}/ops`
}

/** The GEX overlay document the seeder writes: `tenants/{tenantId}/ops/system_status`. */
export function systemStatusPath(tenantId: string): string {
  return `${opsCollectionPath(tenantId)}/system_status`
}

/** A Firestore timestamp as firebase-admin reads it. */
export const firestoreTimestampSchema = z.instanceof(Timestamp, { message: 'expected a Firestore Timestamp' })

/**
 * The trade fields the UI reads, with their types. `days_to_expiry` wins over `expiry_date` in the UI, so a
 * trade needs at least one of them. `orderBy('timestamp')` leaves out trades without a timestamp.
 */
export const whaleTradeSchema = z
  .object({
    symbol: z.string().min(1),
    strike: z.number(),
    premium: z.number(),
    size: z.number(),
    option_type: z.enum(['call', 'put']),
    side: z.enum(['buy', 'sell']),
    timestamp: firestoreTimestampSchema,
    days_to_expiry: z.number().optional(),
    expiry_date: firestoreTimestampSchema.optional(),
  })
  .refine((trade) => trade.days_to_expiry !== undefined || trade.expiry_date !== undefined, {
    message: 'expected days_to_expiry (a number) or expiry_date (a Firestore Timestamp)',
    path: ['days_to_expiry'],
  })

/** The trade fields the UI reads. */
export type WhaleTrade = z.infer<typeof whaleTradeSchema>

/** The GEX overlay's volatility bias values. */
export const VOLATILITY_BIASES = Object.freeze(['Bullish', 'Bearish', 'Neutral'] as const)

/** The GEX overlay document (`tenants/{t}/ops/system_status`). */
export const systemStatusSchema = z.object({
  net_gex: z.number(),
  volatility_bias: z.enum(VOLATILITY_BIASES),
  timestamp: firestoreTimestampSchema,
})

/** The GEX overlay document's fields. */
export type SystemStatus = z.infer<typeof systemStatusSchema>
