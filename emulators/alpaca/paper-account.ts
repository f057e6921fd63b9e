/** The body of Alpaca's `GET /v2/account`, with the fields a paper account sends (money as decimal strings). */
export interface PaperAccount {
  id: string
  account_number: string
  status: 'ACTIVE' | 'ONBOARDING' | 'SUBMITTED' | 'ACCOUNT_UPDATED' | 'APPROVAL_PENDING' | 'REJECTED' | 'SUBMISSION_FAILED'
  crypto_status: string
  currency: string
  cash: string
  buying_power: string
  regt_buying_power: string
  daytrading_buying_power: string
  effective_buying_power: string
  non_marginable_buying_power: string
  options_buying_power: string
  options_approved_level: number
  options_trading_level: number
  equity: string
  last_equity: string
  portfolio_value: string
  long_market_value: string
  short_market_value: string
  position_market_value: string
  initial_margin: string
  maintenance_margin: string
  last_maintenance_margin: string
  sma: string
  multiplier: string
  accrued_fees: string
  pending_transfer_in: string
  pattern_day_trader: boolean
  trading_blocked: boolean
  transfers_blocked: boolean
  account_blocked: boolean
  trade_suspended_by_user: boolean
  shorting_enabled: boolean
  daytrade_count: number
  created_at: string
  balance_asof: string
  admin_configurations: Record<string, unknown>
  user_configurations: Record<string, unknown> | null
}

/** A healthy, active paper account with $100,000 cash; `overrides` replace single fields. */
export function createPaperAccount(overrides: Partial<PaperAccount> = {}): PaperAccount {
  return {
    id: '8f3c1e52-4a7b-4c1d-9e2f-0b6a5d4c3e21',
    account_number: 'PA3OPENBELL1',
    status: 'ACTIVE',
    crypto_status: 'ACTIVE',
    currency: 'USD',
    cash: '100000',
    buying_power: '200000',
    regt_buying_power: '200000',
    daytrading_buying_power: '0',
    effective_buying_power: '200000',
    non_marginable_buying_power: '100000',
    options_buying_power: '100000',
    options_approved_level: 2,
    options_trading_level: 2,
    equity: '100000',
    last_equity: '100000',
    portfolio_value: '100000',
    long_market_value: '0',
    short_market_value: '0',
    position_market_value: '0',
    initial_margin: '0',
    maintenance_margin: '0',
    last_maintenance_margin: '0',
    sma: '0',
    multiplier: '2',
    accrued_fees: '0',
    pending_transfer_in: '0',
    pattern_day_trader: false,
    trading_blocked: false,
    transfers_blocked: false,
    account_blocked: false,
    trade_suspended_by_user: false,
    shorting_enabled: true,
    daytrade_count: 0,
    created_at: '2025-01-02T15:04:05.123456Z',
    balance_asof: '2025-01-02',
    admin_configurations: {},
    user_configurations: null,
    ...overrides,
  }
}
