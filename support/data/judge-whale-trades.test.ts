import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import type { ObservedDocument } from '../firestore/index.ts'
import { judgeWhaleTrades, tradesTheUiShows } from './judge-whale-trades.ts'

const PATH = 'tenants/t1/market_intelligence/options_flow/live'
const NOW = new Date('2026-02-05T14:30:00.000Z')
const trade = (id: string, patch: Record<string, unknown> = {}): ObservedDocument => ({
  id,
  path: `${PATH}/${id}`,
  data: {
    symbol: 'SPY', strike: 432.5, premium: 1_500_000, size: 1200, option_type: 'call', side: 'buy',
    timestamp: Timestamp.fromDate(NOW), days_to_expiry: 5, ...patch,
  },
})
const noTimestamp = (id: string): ObservedDocument => {
  const { timestamp: _, ...data } = trade(id).data
  return { id, path: `${PATH}/${id}`, data }
}

describe('judgeWhaleTrades', () => {
  it('passes well-formed trades', () => {
    expect(judgeWhaleTrades({ path: PATH, documents: [trade('a'), trade('b')] })).toEqual({
      status: 'pass',
      reason: '2 trades, each with the fields the Whale Flow UI reads',
      shown: 2,
      findings: [],
      withoutTimestamp: [],
    })
  })

  it('sets aside documents without a timestamp, as Cloud Firestore’s orderBy does (the Node emulator keeps them)', () => {
    const judgement = judgeWhaleTrades({ path: PATH, documents: [trade('a'), noTimestamp('n')] })
    expect(judgement).toMatchObject({ status: 'pass', shown: 1, withoutTimestamp: ['n'] })
    expect(tradesTheUiShows([trade('a'), noTimestamp('n')]).map((d) => d.id)).toEqual(['a'])
  })

  it.each([
    {
      name: 'no trades',
      documents: [],
      reason:
        "the Whale Flow query orderBy('timestamp', 'desc').limit(100) on tenants/t1/market_intelligence/options_flow/live " +
        'returns no trades: the page would be empty. Seed with `openbell seed --tenant-id ID` or scripts/seed_whale_flow_data.py',
    },
    {
      name: 'only documents without a timestamp',
      documents: [noTimestamp('n')],
      reason:
        "the Whale Flow query orderBy('timestamp', 'desc').limit(100) on tenants/t1/market_intelligence/options_flow/live " +
        'returns no trades (1 document lacks a timestamp, which the query leaves out): the page would be empty. ' +
        'Seed with `openbell seed --tenant-id ID` or scripts/seed_whale_flow_data.py',
    },
    {
      name: 'a string premium and an upper-case option type',
      documents: [trade('a'), trade('b', { premium: '1500000', option_type: 'CALL' })],
      reason:
        '1 of the 2 trades the Whale Flow UI shows from tenants/t1/market_intelligence/options_flow/live lack a field it reads ' +
        'or have the wrong type (b: premium: Invalid input: expected number, received string, option_type: Invalid option: expected one of "call"|"put")',
    },
    {
      name: 'a timestamp written as an ISO string',
      documents: [trade('a', { timestamp: '2026-02-05T14:30:00Z' })],
      reason:
        '1 of the 1 trades the Whale Flow UI shows from tenants/t1/market_intelligence/options_flow/live lack a field it reads ' +
        'or have the wrong type (a: timestamp: expected a Firestore Timestamp)',
    },
    {
      name: 'four bad trades (three are listed)',
      documents: ['a', 'b', 'c', 'd'].map((id) => trade(id, { symbol: '' })),
      reason:
        '4 of the 4 trades the Whale Flow UI shows from tenants/t1/market_intelligence/options_flow/live lack a field it reads ' +
        'or have the wrong type (a: symbol: Too small: expected string to have >=1 characters; b: symbol: Too small: expected ' +
        'string to have >=1 characters; c: symbol: Too small: expected string to have >=1 characters; …)',
    },
  ])('fails $name', ({ documents, reason }) => {
    const judgement = judgeWhaleTrades({ path: PATH, documents })
    expect(judgement.status).toBe('fail')
    expect(judgement.reason).toBe(reason)
  })
})
