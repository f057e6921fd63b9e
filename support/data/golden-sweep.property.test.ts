import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isGoldenSweep, type GoldenSweepFields } from './golden-sweep.ts'

const NOW = Date.parse('2026-03-02T15:00:00Z')
const DAY = 86_400_000

/**
 * The reference rule, written from the reference's prose (agenttrader-v2.md §2.4–2.5), not from the policy:
 * golden when premium > 1,000,000 and 0 < DTE < 14, all strict. Premium and a stored days_to_expiry count when they
 * are finite numbers or strings that read as one; the stored DTE wins; otherwise DTE is the whole days up to
 * expiry_date, rounded up and never below 0; nothing at all is 0 days.
 */
function referenceGolden(trade: GoldenSweepFields): boolean {
  const asNumber = (value: unknown): number | undefined => {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
    return Number.isFinite(n) ? n : undefined
  }
  const premium = asNumber(trade.premium) ?? 0
  let dte = asNumber(trade.days_to_expiry)
  if (dte === undefined) {
    const expiry = expiryMillis(trade.expiry_date)
    dte = expiry === undefined ? 0 : Math.max(0, Math.ceil((expiry - NOW) / DAY))
  }
  return premium > 1_000_000 && dte > 0 && dte < 14
}

/** The expiry as epoch milliseconds, for the forms the UI reads; `undefined` for anything else. */
function expiryMillis(value: unknown): number | undefined {
  if (value === null || value === undefined || value === 0 || value === '') return undefined
  let ms: number
  if (value instanceof Date) ms = value.getTime()
  else if (typeof value === 'number') ms = value < 1e10 ? value * 1000 : value
  else if (typeof value === 'string') ms = Date.parse(value)
  else if (typeof value === 'object' && typeof (value as { toDate?: unknown }).toDate === 'function') ms = (value as { toDate(): Date }).toDate().getTime()
  else if (typeof value === 'object' && typeof (value as { seconds?: unknown }).seconds === 'number') ms = (value as { seconds: number }).seconds * 1000
  else return undefined
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined
}

const premium = fc.oneof(
  fc.constantFrom(1_000_000, 1_000_000.01, 999_999.99, 1e6 + 1e-9, 3e6, '1000000', '1000000.01', ' 2e6 ', '0x10', '', '  ', 'NaN', null, Number.NaN, Number.POSITIVE_INFINITY, -5e6),
  fc.double({ min: -1e7, max: 1e7 }),
  fc.constant(undefined),
)
const dte = fc.oneof(
  fc.constantFrom(0, 1, 13, 13.999, 14, -1, 0.5, '13', '14', ' 7 ', '', 'x', null, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer({ min: -5, max: 20 }),
  fc.constant(undefined),
)
const expiry = fc.oneof(
  fc.integer({ min: -3, max: 20 }).map((days) => new Date(NOW + days * DAY - 1)),
  fc.integer({ min: -3, max: 20 }).map((days) => new Date(NOW + days * DAY + 1).toISOString()),
  fc.integer({ min: -3, max: 20 }).map((days) => Math.floor((NOW + days * DAY) / 1000)),
  fc.integer({ min: -3, max: 20 }).map((days) => NOW + days * DAY),
  fc.integer({ min: -3, max: 20 }).map((days) => ({ seconds: (NOW + days * DAY) / 1000 })),
  fc.integer({ min: -3, max: 20 }).map((days) => ({ toDate: () => new Date(NOW + days * DAY) })),
  fc.constantFrom(0, '', 'not a date', null, undefined, {}, new Date(Number.NaN), '2026-03-09'),
)

describe('isGoldenSweep never badges what the reference rule does not', () => {
  it('on any premium, stored DTE and expiry date', () => {
    fc.assert(
      fc.property(fc.record({ premium, days_to_expiry: dte, expiry_date: expiry }, { requiredKeys: [] }), (trade) => {
        if (isGoldenSweep(trade, NOW)) expect(referenceGolden(trade), JSON.stringify(trade)).toBe(true)
      }),
      { numRuns: 5_000 },
    )
  })
})
