/**
 * The live-host guard: refuses every request to Alpaca's live broker host before it leaves the process.
 */
export { installNetworkGuard, type NetworkGuard, type NetworkGuardOptions } from './install-network-guard.ts'
export { appendViolationTo, readViolationsFrom } from './append-violation-to.ts'
export { createViolation, redactUrl, type GuardLayer, type LiveHostViolation } from './live-host-violation.ts'
export { installDnsLiveHostGuard, LIVE_HOST_REFUSED_CODE } from './dns-live-host-guard.ts'
export {
  ALPACA_BASE_URL_VARIABLES,
  LIVE_TRADING_HOST,
  PAPER_TRADING_BASE_URL,
  checkAlpacaBaseUrl,
  checkAlpacaOrigin,
  isLiveBrokerHost,
  normalizeHost,
} from './alpaca-base-url.ts'
