import { describe, expect, it } from 'vitest'
import { isGoldenSweep, whaleTradeSchema } from '../data/index.ts'
import { createPrng } from './create-prng.ts'
import { generateGoldenSweep, generateRegularTrade, generateWhaleTrades, UNDERLYING_PRICES } from './generate-whale-trades.ts'

const NOW = new Date('2026-02-05T14:30:00.000Z')
const MINUTE = 60_000
const KEYS = [
  'symbol', 'strike', 'expiry', 'expiry_date', 'days_to_expiry', 'option_type', 'side', 'execution_side', 'size',
  'premium', 'underlying_price', 'iv', 'delta', 'gamma', 'moneyness', 'otm_percentage', 'sentiment', 'timestamp',
]

describe('generateRegularTrade', () => {
  const prng = createPrng(11)
  const trades = Array.from({ length: 2_000 }, () => generateRegularTrade(prng, NOW))

  it('writes the 18 keys of reference §2.2, in order, and meets the contract', () => {
    for (const trade of trades) {
      expect(Object.keys(trade)).toEqual(KEYS)
      expect(whaleTradeSchema.safeParse(trade).success).toBe(true)
    }
  })

  it('follows the seeder’s ranges', () => {
    for (const t of trades) {
      expect(t.size).toBeGreaterThanOrEqual(50)
      expect(t.size).toBeLessThanOrEqual(2000)
      expect(t.premium).toBeGreaterThanOrEqual(t.size * 0.5 * 100 - 0.01)
      expect(t.premium).toBeLessThanOrEqual(t.size * 15 * 100 + 0.01)
      expect(t.days_to_expiry).toBeGreaterThanOrEqual(0)
      expect(t.days_to_expiry).toBeLessThanOrEqual(60)
      expect(t.underlying_price).toBe(UNDERLYING_PRICES[t.symbol as keyof typeof UNDERLYING_PRICES])
      expect(NOW.getTime() - t.timestamp.toMillis()).toBeGreaterThanOrEqual(0)
      expect(NOW.getTime() - t.timestamp.toMillis()).toBeLessThanOrEqual(60 * MINUTE)
      expect(t.expiry_date.toMillis() - NOW.getTime()).toBe(t.days_to_expiry * 86_400_000)
      expect(t.sentiment).toBe((t.option_type === 'call') === (t.side === 'buy') ? 'bullish' : 'bearish')
      expect(Math.sign(t.delta)).toBe(t.option_type === 'call' ? 1 : -1)
    }
    expect(new Set(trades.map((t) => t.days_to_expiry)).has(0)).toBe(true)
  })

  it('makes some regular trades golden by the UI rule (reference §2.5: about 7 %)', () => {
    const share = trades.filter((t) => isGoldenSweep(t, NOW)).length / trades.length
    expect(share).toBeGreaterThan(0.04)
    expect(share).toBeLessThan(0.1)
  })
})

describe('generateGoldenSweep', () => {
  const prng = createPrng(12)
  const sweeps = Array.from({ length: 500 }, () => generateGoldenSweep(prng, NOW))

  it('is an aggressive, near-the-money buy within the last 30 minutes, golden by the UI rule', () => {
    for (const t of sweeps) {
      expect(Object.keys(t)).toEqual(KEYS)
      expect([t.side, t.execution_side, t.moneyness]).toEqual(['buy', 'ask', 'ATM'])
      expect(t.days_to_expiry).toBeGreaterThanOrEqual(1)
      expect(t.days_to_expiry).toBeLessThanOrEqual(13)
      expect(t.premium).toBeGreaterThanOrEqual(1_000_000)
      expect(NOW.getTime() - t.timestamp.toMillis()).toBeLessThanOrEqual(30 * MINUTE)
      expect(isGoldenSweep(t, NOW)).toBe(true)
    }
  })
})

describe('generateWhaleTrades', () => {
  it('is deterministic: same seed and clock, same documents', () => {
    const draw = (seed: number) => [...generateWhaleTrades(createPrng(seed), { regular: 30, goldenSweeps: 5 }, NOW)]
    expect(draw(5)).toEqual(draw(5))
    expect(draw(5)).not.toEqual(draw(6))
  })

  it('writes regular trades first, then golden sweeps', () => {
    const trades = [...generateWhaleTrades(createPrng(1), { regular: 3, goldenSweeps: 2 }, NOW)]
    expect(trades).toHaveLength(5)
    expect(trades.slice(3).every((t) => t.execution_side === 'ask' && t.side === 'buy')).toBe(true)
  })

  it('formats expiry as %m/%d in UTC', () => {
    const [trade] = [...generateWhaleTrades(createPrng(3), { regular: 1, goldenSweeps: 0 }, new Date('2026-12-30T23:00:00Z'))]
    const expiry = trade!.expiry_date.toDate()
    expect(trade!.expiry).toBe(`${String(expiry.getUTCMonth() + 1).padStart(2, '0')}/${String(expiry.getUTCDate()).padStart(2, '0')}`)
  })
})
