/**
 * The Whale Flow UI's golden-sweep rule, exactly as `frontend/src/hooks/useWhaleFlow.ts` computes it
 * (reference `agenttrader-v2.md` §2.4–2.5), so a gate counts what the UI would badge.
 */

/** A golden sweep's premium must be strictly greater than this (total dollars). */
export const GOLDEN_SWEEP_PREMIUM_ABOVE = 1_000_000
/** A golden sweep's days to expiry must be strictly less than this (and strictly greater than 0). */
export const GOLDEN_SWEEP_DTE_BELOW = 14

const MS_PER_DAY = 86_400_000

/** The fields of a trade document the rule reads; anything else is ignored. */
export interface GoldenSweepFields {
  readonly premium?: unknown
  readonly days_to_expiry?: unknown
  readonly expiry_date?: unknown
}

/**
 * The UI's `coerceNumber`: a finite number, or a string whose `Number()` is finite; otherwise `null`.
 * @note Like the UI, `""` and `"  "` become 0 (`Number("") === 0`), and `"0x10"` becomes 16.
 */
export function coerceNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') {
    const n = Number(value)
    return Number.isFinite(n) ? n : null
  }
  return null
}

/** A valid Date from `ms`, or null. */
function dateFrom(ms: number): Date | null {
  const d = new Date(ms)
  return Number.isFinite(d.getTime()) ? d : null
}

/**
 * The UI's `coerceDate`: a Firestore Timestamp (anything with `toDate()`), a Date, `{ seconds }`, an epoch number
 * (seconds if < 1e10, else milliseconds) or a parseable string; otherwise (including 0 and "") `null`.
 */
export function coerceDate(value: unknown): Date | null {
  if (!value) return null
  if (value instanceof Date && Number.isFinite(value.getTime())) return value
  if (typeof value === 'object') {
    const candidate = value as { toDate?: unknown; seconds?: unknown }
    if (typeof candidate.toDate === 'function') {
      try {
        const d: unknown = candidate.toDate()
        return d instanceof Date && Number.isFinite(d.getTime()) ? d : null
      } catch {
        return null
      }
    }
    if (typeof candidate.seconds === 'number') return dateFrom(candidate.seconds * 1000)
  }
  if (typeof value === 'number' && Number.isFinite(value)) return dateFrom(value < 10_000_000_000 ? value * 1000 : value)
  if (typeof value === 'string') {
    const t = Date.parse(value)
    return Number.isFinite(t) ? dateFrom(t) : null
  }
  return null
}

/**
 * Days to expiry as the UI shows them: the stored `days_to_expiry` when numeric (it never decays), else
 * `max(0, ceil((expiry_date − now) / 1 day))`, else 0.
 */
export function daysToExpiry(trade: GoldenSweepFields, now: Date | number): number {
  const stored = coerceNumber(trade.days_to_expiry)
  if (stored !== null) return stored
  const expiry = coerceDate(trade.expiry_date)
  if (!expiry) return 0
  const nowMs = typeof now === 'number' ? now : now.getTime()
  return Math.max(0, Math.ceil((expiry.getTime() - nowMs) / MS_PER_DAY))
}

/**
 * Whether the UI marks `trade` as a golden sweep at `now`: premium > 1,000,000 and 0 < DTE < 14, all strict.
 * @example isGoldenSweep({ premium: '1500000', days_to_expiry: 13 }, now) // true
 */
export function isGoldenSweep(trade: GoldenSweepFields, now: Date | number): boolean {
  const premium = coerceNumber(trade.premium) ?? 0
  const dte = daysToExpiry(trade, now)
  return premium > GOLDEN_SWEEP_PREMIUM_ABOVE && dte < GOLDEN_SWEEP_DTE_BELOW && dte > 0
}
