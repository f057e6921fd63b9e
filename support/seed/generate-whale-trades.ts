import { Timestamp } from 'firebase-admin/firestore'
import type { Prng } from './create-prng.ts'

/**
 * Trade documents with the 18 fields and the distributions of `scripts/seed_whale_flow_data.py`
 * (reference `agenttrader-v2.md` §2.2), drawn from a deterministic generator and a fixed `now`.
 */

/** The seeder's symbols. */
export const WHALE_SYMBOLS = Object.freeze(['SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA', 'MSFT', 'AMZN', 'GOOGL', 'META'] as const)

/** The seeder's fixed underlying prices. */
export const UNDERLYING_PRICES: Readonly<Record<(typeof WHALE_SYMBOLS)[number], number>> = Object.freeze({
  SPY: 432.5, QQQ: 375.2, IWM: 198.75, AAPL: 178.5, TSLA: 245.3, NVDA: 495.6, MSFT: 385.4, AMZN: 155.8, GOOGL: 138.9, META: 465.2,
})

const STRIKE_OFFSETS = [-10, -7, -5, -3, -2, -1, 0, 1, 2, 3, 5, 7, 10] as const
const GOLDEN_STRIKE_OFFSETS = [-2, -1, 0, 1, 2] as const
const MS_PER_MINUTE = 60_000
const MS_PER_DAY = 86_400_000

/** One trade document as the seeder writes it (18 keys). */
export interface WhaleTradeDocument {
  symbol: string
  strike: number
  expiry: string
  expiry_date: Timestamp
  days_to_expiry: number
  option_type: 'call' | 'put'
  side: 'buy' | 'sell'
  execution_side: 'ask' | 'bid' | 'mid'
  size: number
  premium: number
  underlying_price: number
  iv: number
  delta: number
  gamma: number
  moneyness: 'ITM' | 'ATM' | 'OTM'
  otm_percentage: number
  sentiment: 'bullish' | 'bearish'
  timestamp: Timestamp
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits))
const pad = (n: number): string => String(n).padStart(2, '0')

/** ATM within 2 %, else OTM/ITM by side of the underlying (the seeder's rule). */
function moneynessOf(base: number, strike: number, optionType: 'call' | 'put'): WhaleTradeDocument['moneyness'] {
  const otm = otmPercentage(base, strike, optionType)
  if (Math.abs(otm) < 2) return 'ATM'
  return (optionType === 'call' ? strike > base : strike < base) ? 'OTM' : 'ITM'
}

function otmPercentage(base: number, strike: number, optionType: 'call' | 'put'): number {
  return optionType === 'call' ? ((strike - base) / base) * 100 : ((base - strike) / base) * 100
}

/** The fields every generator derives the same way from strike, price, type, DTE and age. */
function derived(base: number, strike: number, optionType: 'call' | 'put', dte: number, minutesAgo: number, now: Date) {
  const expiry = new Date(now.getTime() + dte * MS_PER_DAY)
  return {
    moneyness: moneynessOf(base, strike, optionType),
    otm_percentage: round(otmPercentage(base, strike, optionType), 2),
    expiry: `${pad(expiry.getUTCMonth() + 1)}/${pad(expiry.getUTCDate())}`,
    expiry_date: Timestamp.fromDate(expiry),
    timestamp: Timestamp.fromMillis(now.getTime() - minutesAgo * MS_PER_MINUTE),
  }
}

/** A regular trade (`generate_random_trade`): premium ≈ $2.5k–$3M, DTE 0–60, within the last 60 minutes. */
export function generateRegularTrade(prng: Prng, now: Date): WhaleTradeDocument {
  const symbol = prng.pick(WHALE_SYMBOLS)
  const base = UNDERLYING_PRICES[symbol]
  const strike = base + prng.pick(STRIKE_OFFSETS)
  const option_type = prng.pick(['call', 'put'] as const)
  const side = prng.pick(['buy', 'sell'] as const)
  const execution_side = prng.weighted(['ask', 'bid', 'mid'] as const, side === 'buy' ? [0.6, 0.2, 0.2] : [0.2, 0.6, 0.2])
  const size = prng.int(50, 2000)
  const premium = size * prng.uniform(0.5, 15) * 100
  const days_to_expiry = prng.int(0, 60)
  const iv = prng.uniform(0.15, 0.6)
  const otm = moneynessOf(base, strike, option_type) === 'OTM'
  const delta =
    option_type === 'call'
      ? otm ? prng.uniform(0.1, 0.4) : prng.uniform(0.2, 0.8)
      : otm ? prng.uniform(-0.4, -0.1) : prng.uniform(-0.8, -0.2)
  const gamma = prng.uniform(0.01, 0.05)
  const sentiment = (option_type === 'call') === (side === 'buy') ? 'bullish' : 'bearish'
  const minutesAgo = prng.int(0, 60)
  return assemble(symbol, strike, base, derived(base, strike, option_type, days_to_expiry, minutesAgo, now), {
    days_to_expiry, option_type, side, execution_side, size, premium, iv, delta, gamma, sentiment,
  })
}

/** A golden sweep (`generate_golden_sweep`): buy at ask, premium ≈ $1M–$15M, DTE 1–13, within the last 30 minutes. */
export function generateGoldenSweep(prng: Prng, now: Date): WhaleTradeDocument {
  const symbol = prng.pick(WHALE_SYMBOLS)
  const base = UNDERLYING_PRICES[symbol]
  const option_type = prng.pick(['call', 'put'] as const)
  const size = prng.int(1000, 5000)
  const premium = size * prng.uniform(10, 30) * 100
  const days_to_expiry = prng.int(1, 13)
  const strike = base + prng.pick(GOLDEN_STRIKE_OFFSETS)
  const iv = prng.uniform(0.2, 0.45)
  const delta = option_type === 'call' ? prng.uniform(0.4, 0.7) : prng.uniform(-0.7, -0.4)
  const gamma = prng.uniform(0.02, 0.06)
  const minutesAgo = prng.int(0, 30)
  return assemble(symbol, strike, base, derived(base, strike, option_type, days_to_expiry, minutesAgo, now), {
    days_to_expiry, option_type, side: 'buy', execution_side: 'ask', size, premium, iv, delta, gamma,
    sentiment: option_type === 'call' ? 'bullish' : 'bearish',
  })
}

type Drawn = Pick<WhaleTradeDocument, 'days_to_expiry' | 'option_type' | 'side' | 'execution_side' | 'size' | 'premium' | 'iv' | 'delta' | 'gamma' | 'sentiment'>

/** The 18 keys in the seeder's order, rounded as it rounds them. */
function assemble(symbol: string, strike: number, base: number, d: ReturnType<typeof derived>, x: Drawn): WhaleTradeDocument {
  return {
    symbol, strike: round(strike, 2), expiry: d.expiry, expiry_date: d.expiry_date, days_to_expiry: x.days_to_expiry,
    option_type: x.option_type, side: x.side, execution_side: x.execution_side, size: x.size, premium: round(x.premium, 2),
    underlying_price: round(base, 2), iv: round(x.iv, 4), delta: round(x.delta, 4), gamma: round(x.gamma, 4),
    moneyness: d.moneyness, otm_percentage: d.otm_percentage, sentiment: x.sentiment, timestamp: d.timestamp,
  }
}

/** `regular` regular trades then `goldenSweeps` golden sweeps, in the seeder's order, drawn lazily. */
export function* generateWhaleTrades(
  prng: Prng,
  counts: { readonly regular: number; readonly goldenSweeps: number },
  now: Date,
): Generator<WhaleTradeDocument> {
  for (let i = 0; i < counts.regular; i++) yield generateRegularTrade(prng, now)
  for (let i = 0; i < counts.goldenSweeps; i++) yield generateGoldenSweep(prng, now)
}
