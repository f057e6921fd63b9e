import { describe, expect, it } from 'vitest'
import { judgePaperAccount, type PaperAccountSnapshot } from './paper-account.ts'

const ACTIVE: PaperAccountSnapshot = { status: 'ACTIVE', currency: 'USD', accountBlocked: false, tradingBlocked: false, tradeSuspendedByUser: false }

describe('judgePaperAccount', () => {
  it.each<{ case: string; account: PaperAccountSnapshot; status: 'pass' | 'fail'; reason: string }>([
    { case: 'active', account: ACTIVE, status: 'pass', reason: 'the paper account is ACTIVE and not blocked' },
    {
      case: 'active, flags absent',
      account: { ...ACTIVE, accountBlocked: null, tradingBlocked: null, tradeSuspendedByUser: null },
      status: 'pass',
      reason: 'the paper account is ACTIVE and not blocked',
    },
    { case: 'onboarding', account: { ...ACTIVE, status: 'ONBOARDING' }, status: 'fail', reason: 'the paper account cannot trade: status is "ONBOARDING", not "ACTIVE"' },
    { case: 'trading blocked', account: { ...ACTIVE, tradingBlocked: true }, status: 'fail', reason: 'the paper account cannot trade: trading_blocked is true' },
    {
      case: 'inactive and blocked',
      account: { ...ACTIVE, status: 'INACTIVE', accountBlocked: true, tradeSuspendedByUser: true },
      status: 'fail',
      reason: 'the paper account cannot trade: status is "INACTIVE", not "ACTIVE"; account_blocked is true; trade_suspended_by_user is true',
    },
  ])('$case → $status', ({ account, status, reason }) => {
    expect(judgePaperAccount(account)).toMatchObject({ status, reason })
  })
})
