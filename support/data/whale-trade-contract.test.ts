import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { opsCollectionPath, systemStatusPath, systemStatusSchema, whaleTradeSchema, whaleTradesPath } from './whale-trade-contract.ts'

const NOW = Timestamp.fromDate(new Date('2026-02-05T14:30:00Z'))
const trade = {
  symbol: 'SPY',
  strike: 432.5,
  premium: 1_500_000,
  size: 1200,
  option_type: 'call',
  side: 'buy',
  timestamp: NOW,
  days_to_expiry: 5,
}

describe('whale trade contract', () => {
  it('names the paths of reference §2.1', () => {
    expect(whaleTradesPath('t1')).toBe('tenants/t1/market_intelligence/options_flow/live')
    expect(opsCollectionPath('t1')).toBe('tenants/t1/ops')
    expect(systemStatusPath('t1')).toBe('tenants/t1/ops/system_status')
  })

  it('refuses a tenant id that is not one path segment', () => {
    expect(() => whaleTradesPath('a/b')).toThrow(new UsageError('tenant id "a/b" is not one Firestore path segment; expected e.g. "tenant-a".'))
  })

  it('accepts a trade with days_to_expiry or with expiry_date', () => {
    expect(whaleTradeSchema.safeParse(trade).success).toBe(true)
    const { days_to_expiry: _, ...withoutDte } = trade
    expect(whaleTradeSchema.safeParse({ ...withoutDte, expiry_date: NOW }).success).toBe(true)
  })

  it.each([
    { name: 'neither days_to_expiry nor expiry_date', patch: { days_to_expiry: undefined }, message: 'expected days_to_expiry (a number) or expiry_date (a Firestore Timestamp)' },
    { name: 'a Date timestamp', patch: { timestamp: new Date() }, message: 'expected a Firestore Timestamp' },
    { name: 'a string premium', patch: { premium: '1500000' }, message: 'Invalid input: expected number, received string' },
    { name: 'option_type CALL', patch: { option_type: 'CALL' }, message: 'Invalid option: expected one of "call"|"put"' },
    { name: 'side hold', patch: { side: 'hold' }, message: 'Invalid option: expected one of "buy"|"sell"' },
  ])('rejects $name', ({ patch, message }) => {
    const result = whaleTradeSchema.safeParse({ ...trade, ...patch })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })

  it('checks the GEX document', () => {
    expect(systemStatusSchema.safeParse({ net_gex: -1.5e6, volatility_bias: 'Bearish', timestamp: NOW }).success).toBe(true)
    expect(systemStatusSchema.safeParse({ net_gex: 0, volatility_bias: 'bearish', timestamp: NOW }).success).toBe(false)
    expect(systemStatusSchema.safeParse({ net_gex: '0', volatility_bias: 'Neutral', timestamp: NOW }).success).toBe(false)
  })
})
