import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import type { ObservedDocument } from '../firestore/index.ts'
import { judgeTradeFreshness } from './judge-trade-freshness.ts'

const PATH = 'tenants/t1/market_intelligence/options_flow/live'
const NOW = new Date('2026-02-05T14:30:00.000Z')
const at = (secondsAgo: number) => Timestamp.fromMillis(NOW.getTime() - secondsAgo * 1_000)
const trade = (id: string, timestamp: unknown): ObservedDocument => ({ id, path: `${PATH}/${id}`, data: { symbol: 'SPY', timestamp } })

describe('judgeTradeFreshness', () => {
  it.each([
    { name: 'a trade 59 minutes old', timestamps: [at(3_540), at(7_000)], status: 'pass', ageSeconds: 3_540, reason: 'the newest trade is from 2026-02-05T13:31:00.000Z, 59 min old (≤ 3600 s)' },
    { name: 'a trade exactly 3600 s old', timestamps: [at(3_600)], status: 'pass', ageSeconds: 3_600, reason: 'the newest trade is from 2026-02-05T13:30:00.000Z, 1.0 h old (≤ 3600 s)' },
    { name: 'the newest of several, in any order', timestamps: [at(9_000), at(30), at(4_000)], status: 'pass', ageSeconds: 30, reason: 'the newest trade is from 2026-02-05T14:29:30.000Z, 30 s old (≤ 3600 s)' },
    { name: 'a trade 4 minutes ahead (clock skew within 300 s)', timestamps: [at(-240)], status: 'pass', ageSeconds: -240, reason: 'the newest trade is from 2026-02-05T14:34:00.000Z, 0 s old (≤ 3600 s)' },
    { name: 'epoch seconds, as the UI accepts them', timestamps: [NOW.getTime() / 1_000 - 60], status: 'pass', ageSeconds: 60, reason: 'the newest trade is from 2026-02-05T14:29:00.000Z, 1 min old (≤ 3600 s)' },
    {
      name: 'the newest trade 3601 s old',
      timestamps: [at(3_601)],
      status: 'fail',
      ageSeconds: 3_601,
      reason:
        'the newest Whale Flow trade in tenants/t1/market_intelligence/options_flow/live is from 2026-02-05T13:29:59.000Z, 1.0 h old, ' +
        'over the 3600 s allowed (--max-trade-age): the page shows no recent trades. Check the writer, or reseed',
    },
    {
      name: 'trades seeded five hours ago',
      timestamps: [at(18_000), at(19_000)],
      status: 'fail',
      ageSeconds: 18_000,
      reason:
        'the newest Whale Flow trade in tenants/t1/market_intelligence/options_flow/live is from 2026-02-05T09:30:00.000Z, 5.0 h old, ' +
        'over the 3600 s allowed (--max-trade-age): the page shows no recent trades. Check the writer, or reseed',
    },
    {
      name: 'a trade dated an hour ahead',
      timestamps: [at(-3_600), at(18_000)],
      status: 'fail',
      ageSeconds: -3_600,
      reason:
        'the newest Whale Flow trade in tenants/t1/market_intelligence/options_flow/live is dated 2026-02-05T15:30:00.000Z, 1.0 h in ' +
        "the future: that proves nothing about recency; check the writer's clock",
    },
    {
      name: 'no readable timestamp',
      timestamps: ['soon', 0],
      status: 'fail',
      ageSeconds: null,
      reason: 'no trade in tenants/t1/market_intelligence/options_flow/live has a timestamp the Whale Flow UI can read',
    },
  ])('$name → ok $status', ({ timestamps, status, ageSeconds, reason }) => {
    const judgement = judgeTradeFreshness({ path: PATH, documents: timestamps.map((t, i) => trade(`t${i}`, t)) }, NOW, 3_600)
    expect(judgement).toMatchObject({ status, ageSeconds, reason })
  })

  it('ignores documents without a timestamp field, as the UI query does', () => {
    const documents = [trade('a', at(60)), { id: 'n', path: `${PATH}/n`, data: { symbol: 'SPY' } }]
    expect(judgeTradeFreshness({ path: PATH, documents }, NOW, 3_600)).toMatchObject({ status: 'pass', newest: '2026-02-05T14:29:00.000Z' })
  })
})
