import { describe, expect, it } from 'vitest'
import { judgePaperAccount, type PaperAccountSnapshot } from './paper-account.ts'

const ACTIVE: PaperAccountSnapshot = { status: 'ACTIVE', currency: 'USD', accountBlocked: false, tradingBlocked: false, tradeSuspendedByUser: false }

describe('judgePaperAccount', () => {
  it.each<{ case: string; account: PaperAccountSnapshot; ok: boolean; reason: string }>([
    { case: 'active', account: ACTIVE, ok: true, reason: 'the paper account is ACTIVE and not blocked' },
    {
      case: 'active, flags absent',
      account: { ...ACTIVE, accountBlocked: null, tradingBlocked: null, tradeSuspendedByUser: null },
      ok: true,
      reason: 'the paper account is ACTIVE and not blocked',
    },
    { case: 'onboarding', account: { ...ACTIVE, status: 'ONBOARDING' }, ok: false, reason: 'the paper account cannot trade: status is "ONBOARDING", not "ACTIVE"' },
    { case: 'trading blocked', account: { ...ACTIVE, tradingBlocked: true }, ok: false, reason: 'the paper account cannot trade: trading_blocked is true' },
    {
      case: 'inactive and blocked',
      account: { ...ACTIVE, status: 'INACTIVE', accountBlocked: true, tradeSuspendedByUser: true },
      ok: false,
      reason: 'the paper account cannot trade: status is "INACTIVE", not "ACTIVE"; account_blocked is true; trade_suspended_by_user is true',
    },
  ])('$case → ok=$ok', ({ account, ok, reason }) => {
    expect(judgePaperAccount(account)).toEqual({ ok, reason })
  })
})
