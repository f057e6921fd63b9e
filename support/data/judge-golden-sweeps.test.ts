import { Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import type { ObservedDocument } from '../firestore/index.ts'
import { judgeGoldenSweeps } from './judge-golden-sweeps.ts'

const PATH = 'tenants/t1/market_intelligence/options_flow/live'
const NOW = new Date('2026-02-05T14:30:00.000Z')
const trade = (id: string, fields: Record<string, unknown>): ObservedDocument => ({
  id,
  path: `${PATH}/${id}`,
  data: { symbol: 'SPY', timestamp: Timestamp.fromDate(NOW), ...fields },
})
const BOUNDARY = [
  trade('premium-exactly-1m-dte-5', { premium: 1_000_000, days_to_expiry: 5 }),
  trade('premium-2m-dte-0', { premium: 2_000_000, days_to_expiry: 0 }),
  trade('premium-2m-dte-14', { premium: 2_000_000, days_to_expiry: 14 }),
]

describe('judgeGoldenSweeps', () => {
  it.each([
    { name: 'premium 1,000,000.01 with DTE 5', fields: { premium: 1_000_000.01, days_to_expiry: 5 }, status: 'pass' },
    { name: 'premium 2,000,000 with DTE 1', fields: { premium: 2_000_000, days_to_expiry: 1 }, status: 'pass' },
    { name: 'premium 2,000,000 with DTE 13', fields: { premium: 2_000_000, days_to_expiry: 13 }, status: 'pass' },
    { name: 'a string premium, as the UI coerces it', fields: { premium: '1500000', days_to_expiry: 3 }, status: 'pass' },
    { name: 'no stored DTE, expiry in 3 days', fields: { premium: 5_000_000, expiry_date: Timestamp.fromMillis(NOW.getTime() + 3 * 86_400_000) }, status: 'pass' },
    { name: 'premium exactly 1,000,000 with DTE 5', fields: { premium: 1_000_000, days_to_expiry: 5 }, status: 'fail' },
    { name: 'premium 2,000,000 with DTE 0', fields: { premium: 2_000_000, days_to_expiry: 0 }, status: 'fail' },
    { name: 'premium 2,000,000 with DTE 14', fields: { premium: 2_000_000, days_to_expiry: 14 }, status: 'fail' },
  ])('$name alone → ok $status', ({ fields, status }) => {
    expect(judgeGoldenSweeps({ path: PATH, documents: [trade('x', fields)] }, NOW).status).toBe(status)
  })

  it('fails the three boundary trades of scenario no-golden-sweep, and says how close they came', () => {
    expect(judgeGoldenSweeps({ path: PATH, documents: BOUNDARY }, NOW)).toEqual({
      status: 'fail',
      reason:
        'none of the 3 trades the Whale Flow UI shows from tenants/t1/market_intelligence/options_flow/live is a Golden Sweep ' +
        '(premium > $1,000,000 and 0 < days to expiry < 14, both strict); largest premiums: premium-2m-dte-0 (SPY, premium 2000000, DTE 0), ' +
        'premium-2m-dte-14 (SPY, premium 2000000, DTE 14), premium-exactly-1m-dte-5 (SPY, premium 1000000, DTE 5). ' +
        'Seed golden sweeps (`openbell seed --golden-sweeps 5`)',
      count: 0,
      qualifying: null,
      qualifyingDocument: null,
      findings: [
        { id: 'premium-2m-dte-0', symbol: 'SPY', premium: 2_000_000, daysToExpiry: 0 },
        { id: 'premium-2m-dte-14', symbol: 'SPY', premium: 2_000_000, daysToExpiry: 14 },
        { id: 'premium-exactly-1m-dte-5', symbol: 'SPY', premium: 1_000_000, daysToExpiry: 5 },
      ],
    })
  })

  it('passes with one golden trade among many, counts without asserting a number, and keeps the first as evidence', () => {
    const golden = trade('golden', { symbol: 'NVDA', premium: 4_200_000, days_to_expiry: 9 })
    const judgement = judgeGoldenSweeps({ path: PATH, documents: [...BOUNDARY, golden, trade('g2', { premium: 1.5e6, days_to_expiry: 2 })] }, NOW)
    expect(judgement).toMatchObject({
      status: 'pass',
      count: 2,
      qualifying: { id: 'golden', symbol: 'NVDA', premium: 4_200_000, daysToExpiry: 9 },
      qualifyingDocument: golden,
      findings: [],
      reason:
        '2 of 5 trades are Golden Sweeps (premium > $1,000,000 and 0 < days to expiry < 14, both strict), e.g. golden (NVDA, premium 4200000, DTE 9)',
    })
  })

  it('does not count a golden document that the UI query leaves out (no timestamp)', () => {
    const hidden: ObservedDocument = { id: 'h', path: `${PATH}/h`, data: { premium: 5e6, days_to_expiry: 3 } }
    expect(judgeGoldenSweeps({ path: PATH, documents: [hidden] }, NOW)).toMatchObject({ status: 'fail', count: 0 })
  })

  it('fails an empty result', () => {
    expect(judgeGoldenSweeps({ path: PATH, documents: [] }, NOW).reason).toBe(
      'none of the 0 trades the Whale Flow UI shows from tenants/t1/market_intelligence/options_flow/live is a Golden Sweep ' +
        '(premium > $1,000,000 and 0 < days to expiry < 14, both strict). Seed golden sweeps (`openbell seed --golden-sweeps 5`)',
    )
  })
})
