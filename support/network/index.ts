/**
 * The network rules: which hosts are Alpaca's live and paper broker, the live-host violation records, and the DNS
 * refusal. Loads no HTTP interceptor (the guard that does is `guard/`).
 */
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
