import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import type { FirestoreReader } from '../data/index.ts'
import { CouldNotCheckError } from '../errors.ts'
import type { ObservedDocument } from '../firestore/index.ts'
import { DATA_SEEDED_CHECK_IDS, SECTOR_TABLE } from '../data/index.ts'
import { readBackFloorData } from './read-back-floor-data.ts'

const NOW = new Date('2026-02-05T14:30:00.000Z')
const doc = (path: string, data: Record<string, unknown>): ObservedDocument => ({ id: path.split('/').at(-1)!, path, data })
const SECTORS = SECTOR_TABLE.map((s) => doc(`marketData/sentiment/sectors/${s.id}`, { value: s.value, sentiment: s.sentiment, leadingTicker: s.leadingTicker }))
const TRADE = doc('tenants/t1/market_intelligence/options_flow/live/a', {
  symbol: 'SPY', strike: 432.5, premium: 2_000_000, size: 1000, option_type: 'call', side: 'buy',
  timestamp: Timestamp.fromDate(NOW), days_to_expiry: 5,
})
const STATUS = doc('tenants/t1/ops/system_status', { net_gex: 1, volatility_bias: 'Neutral', timestamp: Timestamp.fromDate(NOW) })

/** A reader over fixed observations; `patch` replaces some of its reads. */
function fakeReader(patch: Partial<FirestoreReader> = {}): FirestoreReader {
  const close = async () => {}
  return {
    readSentimentSectors: async () => ({ path: 'marketData/sentiment/sectors', documents: SECTORS, total: 11 }),
    readWhaleTrades: async () => ({ path: 'tenants/t1/market_intelligence/options_flow/live', documents: [TRADE] }),
    readSystemStatus: async () => ({ path: STATUS.path, document: STATUS }),
    readOpsCollection: async () => ({ path: 'tenants/t1/ops', documents: [STATUS], total: 1 }),
    close,
    [Symbol.asyncDispose]: close,
    ...patch,
  }
}

describe('readBackFloorData', () => {
  it('passes every check of the gate, in the gate’s order, on good data', async () => {
    const checks = await readBackFloorData(fakeReader(), { now: NOW, maxTradeAgeSeconds: 3_600, maxGexAgeSeconds: 86_400 })
    expect(checks.map((check) => [check.check, check.status])).toEqual(DATA_SEEDED_CHECK_IDS.map((id) => [id, 'pass']))
  })

  it('fails what the gate fails, and leaves what could not be read unverified', async () => {
    const unreachable = new CouldNotCheckError('Could not read Firestore "tenants/t1/ops": DEADLINE_EXCEEDED')
    const reader = fakeReader({
      readSentimentSectors: async () => ({ path: 'marketData/sentiment/sectors', documents: SECTORS.slice(1), total: 10 }),
      readOpsCollection: () => Promise.reject(unreachable),
      readSystemStatus: () => Promise.reject(new TypeError('boom')),
    })
    const checks = await readBackFloorData(reader, { now: NOW, maxTradeAgeSeconds: 3_600, maxGexAgeSeconds: 86_400 })
    expect(Object.fromEntries(checks.map((check) => [check.check, check.status]))).toEqual({
      'sentiment-sectors': 'fail',
      'whale-flow-trades': 'pass',
      'whale-flow-fresh': 'pass',
      'golden-sweep': 'pass',
      'gex-overlay-document': 'unverified',
      'gex-overlay-fresh': 'unverified',
      'gex-overlay-first': 'unverified',
    })
    expect(checks.find((check) => check.check === 'gex-overlay-first')?.reason).toBe(
      '[openbell] Could not read Firestore "tenants/t1/ops": DEADLINE_EXCEEDED',
    )
    expect(checks.find((check) => check.check === 'gex-overlay-document')?.reason).toBe('the read-back crashed: boom')
  })

  it('judges freshness at the clock it is given', async () => {
    const later = new Date(NOW.getTime() + 2 * 3_600_000)
    const checks = await readBackFloorData(fakeReader(), { now: later, maxTradeAgeSeconds: 3_600, maxGexAgeSeconds: 86_400 })
    expect(checks.find((check) => check.check === 'whale-flow-fresh')?.status).toBe('fail')
    expect(checks.find((check) => check.check === 'gex-overlay-fresh')?.status).toBe('pass')
    const twoDaysLater = await readBackFloorData(fakeReader(), { now: new Date(NOW.getTime() + 2 * 86_400_000), maxTradeAgeSeconds: 3_600, maxGexAgeSeconds: 86_400 })
    expect(twoDaysLater.find((check) => check.check === 'gex-overlay-fresh')).toMatchObject({ status: 'fail', reason: expect.stringContaining('(--max-gex-age)') })
  })
})
