/**
 * The Alpaca paper-trading client (paper-only, behind the live-host guard), its calendar authority, and the paper-
 * execution rules on what the broker answered.
 *
 * The public surface of support/alpaca/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export {
  type AlpacaCredentials,
  BrokerHostRefusedError,
  createPaperAlpacaClient,
  readAlpacaCredentials,
  readEffectiveTradingBaseUrl,
} from './alpaca-client.ts'
export { chooseCalendarAuthority } from './choose-calendar-authority.ts'
export { type LiveBrokerAttempt, judgeLiveBrokerRefusal } from './live-broker-refusal.ts'
export { type PaperAccountSnapshot, judgePaperAccount } from './paper-account.ts'
export { probeLiveBrokerRefusal } from './probe-live-broker-refusal.ts'
export { readPaperAccount } from './read-paper-account.ts'
