import type { Judgement } from '../judgement.ts'

/** The fields of the paper account (`GET /v2/account`) that say whether it can trade. */
export interface PaperAccountSnapshot {
  /** `status`, e.g. `ACTIVE`. */
  status: string
  /** `currency`, or `null` when absent. */
  currency: string | null
  /** `account_blocked`, or `null` when absent. */
  accountBlocked: boolean | null
  /** `trading_blocked`, or `null` when absent. */
  tradingBlocked: boolean | null
  /** `trade_suspended_by_user`, or `null` when absent. */
  tradeSuspendedByUser: boolean | null
}

/**
 * Judges the paper account: `status` must be `ACTIVE`, and neither the account nor its trading may be blocked
 * (an absent flag is not a block: Alpaca omits none of them, the stand-in neither).
 */
export function judgePaperAccount(account: PaperAccountSnapshot): Judgement<string> {
  const problems = [
    ...(account.status === 'ACTIVE' ? [] : [`status is ${JSON.stringify(account.status)}, not "ACTIVE"`]),
    ...(account.accountBlocked === true ? ['account_blocked is true'] : []),
    ...(account.tradingBlocked === true ? ['trading_blocked is true'] : []),
    ...(account.tradeSuspendedByUser === true ? ['trade_suspended_by_user is true'] : []),
  ]
  if (problems.length > 0) return { status: 'fail', reason: `the paper account cannot trade: ${problems.join('; ')}`, findings: problems }
  return { status: 'pass', reason: 'the paper account is ACTIVE and not blocked', findings: [] }
}
