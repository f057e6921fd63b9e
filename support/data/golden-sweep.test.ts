import fc from 'fast-check'
import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { coerceDate, daysToExpiry, isGoldenSweep, type GoldenSweepFields } from './golden-sweep.ts'

const NOW = new Date('2026-02-05T14:30:00.000Z')
const DAY = 86_400_000
const inDays = (days: number): Date => new Date(NOW.getTime() + days * DAY)

describe('isGoldenSweep', () => {
  it.each<{ name: string; trade: GoldenSweepFields; golden: boolean }>([
    { name: 'premium exactly 1,000,000', trade: { premium: 1_000_000, days_to_expiry: 5 }, golden: false },
    { name: 'premium 1,000,000.01', trade: { premium: 1_000_000.01, days_to_expiry: 5 }, golden: true },
    { name: 'DTE 0', trade: { premium: 2_000_000, days_to_expiry: 0 }, golden: false },
    { name: 'DTE 1', trade: { premium: 2_000_000, days_to_expiry: 1 }, golden: true },
    { name: 'DTE 13', trade: { premium: 2_000_000, days_to_expiry: 13 }, golden: true },
    { name: 'DTE 13.5 (not an integer, still < 14)', trade: { premium: 2_000_000, days_to_expiry: 13.5 }, golden: true },
    { name: 'DTE 14', trade: { premium: 2_000_000, days_to_expiry: 14 }, golden: false },
    { name: 'negative DTE', trade: { premium: 2_000_000, days_to_expiry: -1 }, golden: false },
    { name: 'string premium', trade: { premium: '1500000', days_to_expiry: 3 }, golden: true },
    { name: 'string premium with a comma', trade: { premium: '1,500,000', days_to_expiry: 3 }, golden: false },
    { name: 'string DTE', trade: { premium: 1_500_000, days_to_expiry: '13' }, golden: true },
    { name: 'empty-string DTE is 0, not missing', trade: { premium: 1_500_000, days_to_expiry: '', expiry_date: inDays(3) }, golden: false },
    { name: 'missing premium', trade: { days_to_expiry: 3 }, golden: false },
    { name: 'missing DTE and expiry', trade: { premium: 5_000_000 }, golden: false },
    { name: 'missing DTE, expiry in 3 days (Timestamp)', trade: { premium: 5_000_000, expiry_date: Timestamp.fromDate(inDays(3)) }, golden: true },
    { name: 'missing DTE, expiry in 2.1 days (ceil → 3)', trade: { premium: 5_000_000, expiry_date: inDays(2.1) }, golden: true },
    { name: 'missing DTE, expiry in 13.01 days (ceil → 14)', trade: { premium: 5_000_000, expiry_date: inDays(13.01) }, golden: false },
    { name: 'missing DTE, expiry passed (max 0)', trade: { premium: 5_000_000, expiry_date: inDays(-2) }, golden: false },
    { name: 'non-numeric DTE falls back to expiry_date', trade: { premium: 5_000_000, days_to_expiry: 'soon', expiry_date: inDays(3) }, golden: true },
    { name: 'stored DTE wins over expiry_date', trade: { premium: 5_000_000, days_to_expiry: 13, expiry_date: inDays(40) }, golden: true },
    { name: 'NaN premium', trade: { premium: Number.NaN, days_to_expiry: 3 }, golden: false },
  ])('$name → $golden', ({ trade, golden }) => {
    expect(isGoldenSweep(trade, NOW)).toBe(golden)
  })
})

describe('coerceDate', () => {
  const at = inDays(3)
  it.each([
    { name: 'a Timestamp', value: Timestamp.fromDate(at), expected: at },
    { name: 'a Date', value: at, expected: at },
    { name: '{ seconds }', value: { seconds: at.getTime() / 1000 }, expected: at },
    { name: 'epoch seconds', value: at.getTime() / 1000, expected: at },
    { name: 'epoch milliseconds', value: at.getTime(), expected: at },
    { name: 'an ISO string', value: at.toISOString(), expected: at },
    { name: '0', value: 0, expected: null },
    { name: 'an empty string', value: '', expected: null },
    { name: 'garbage', value: 'next friday', expected: null },
    { name: 'an invalid Date', value: new Date(Number.NaN), expected: null },
  ])('reads $name', ({ value, expected }) => {
    expect(coerceDate(value)).toEqual(expected)
  })
})

/** A straightforward reading of reference §2.4–2.5, written apart from the implementation. */
function reference(trade: GoldenSweepFields, nowMs: number): boolean {
  const toNumber = (v: unknown): number | null =>
    typeof v === 'number' ? (Number.isFinite(v) ? v : null) : typeof v === 'string' && Number.isFinite(Number(v)) ? Number(v) : null
  const toMs = (v: unknown): number | null => {
    if (v instanceof Timestamp) return v.toMillis()
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime()
    if (typeof v === 'number') return v === 0 || !Number.isFinite(v) ? null : v < 1e10 ? v * 1000 : v
    if (typeof v === 'string') return v === '' || Number.isNaN(Date.parse(v)) ? null : Date.parse(v)
    if (typeof v === 'object' && v !== null && typeof (v as { seconds?: unknown }).seconds === 'number') {
      return (v as { seconds: number }).seconds * 1000
    }
    return null
  }
  let dte = toNumber(trade.days_to_expiry)
  if (dte === null) {
    const ms = toMs(trade.expiry_date)
    dte = ms === null ? 0 : Math.max(0, Math.ceil((ms - nowMs) / DAY))
  }
  return (toNumber(trade.premium) ?? 0) > 1e6 && dte > 0 && dte < 14
}

describe('isGoldenSweep (property)', () => {
  const premium = fc.oneof(
    fc.constantFrom(999_999.99, 1_000_000, 1_000_000.01, 0, -5),
    fc.double({ min: 0, max: 20e6, noNaN: true }),
    fc.double({ min: 0, max: 20e6, noNaN: true }).map(String),
    fc.constantFrom(undefined, null, 'n/a', '', Number.NaN, Number.POSITIVE_INFINITY),
  )
  const dte = fc.oneof(fc.integer({ min: -3, max: 70 }), fc.integer({ min: -3, max: 70 }).map(String), fc.constantFrom(undefined, null, 'soon', 13.5))
  const expiryMs = fc.integer({ min: NOW.getTime() - 5 * DAY, max: NOW.getTime() + 60 * DAY })
  const expiry = fc.oneof(
    expiryMs.map((ms) => Timestamp.fromMillis(ms)),
    expiryMs.map((ms) => new Date(ms)),
    expiryMs.map((ms) => Math.floor(ms / 1000)),
    expiryMs.map((ms) => ({ seconds: Math.floor(ms / 1000) })),
    expiryMs,
    expiryMs.map((ms) => new Date(ms).toISOString()),
    fc.constantFrom(undefined, null, '', 0),
  )

  it('agrees with a straightforward reading of the rule', () => {
    fc.assert(
      fc.property(premium, dte, expiry, (p, d, e) => {
        const trade = { premium: p, days_to_expiry: d, expiry_date: e }
        expect(isGoldenSweep(trade, NOW)).toBe(reference(trade, NOW.getTime()))
      }),
      { numRuns: 2_000 },
    )
  })

  it('takes a number clock as well as a Date', () => {
    fc.assert(
      fc.property(premium, expiry, (p, e) => {
        const trade = { premium: p, expiry_date: e }
        expect(daysToExpiry(trade, NOW.getTime())).toBe(daysToExpiry(trade, NOW))
      }),
    )
  })
})
