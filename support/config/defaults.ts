import type { Environment } from '../gates/index.ts'

/** Every default of openbell, in one frozen object. */
export const DEFAULTS = Object.freeze({
  /** Where the gates run. @default 'emulators' */
  env: 'emulators' as Environment,
  /** The namespace of the trading floor. @default 'trading-floor' */
  namespace: 'trading-floor',
  /** The Firestore project in emulator mode (a `demo-` project never reaches Google). @default 'demo-openbell' */
  emulatorFirestoreProject: 'demo-openbell',
  /** The tenant seeded in emulator mode. @default 'demo-tenant' */
  emulatorTenantId: 'demo-tenant',
  /** Where run folders are written. @default 'reports' */
  reports: 'reports',
  /** The waivers file read from the working folder when `--waivers` is not given and it exists. @default 'waivers.yaml' */
  waiversFile: 'waivers.yaml',
  /** Market data older than this is stale (the agents' own `MARKETDATA_STALE_THRESHOLD_S`). @default 120 */
  staleThresholdSeconds: 120,
  /** The newest Whale Flow trade may be at most this old. @default 3600 */
  maxTradeAgeSeconds: 3600,
  /** The GEX overlay (`ops/system_status` `timestamp`) may be at most this old: a day, so yesterday's seeding still counts. @default 86400 */
  maxGexAgeSeconds: 86_400,
  /** Each request openbell makes gives up after this long. @default 5000 */
  requestTimeoutMs: 5_000,
  /** Each check gives up after this long; the check is then unverified. @default 20000 */
  checkTimeoutMs: 20_000,
  /**
   * The furthest `--session` may lie after today's New York date, in calendar days, without `--allow-future-session`:
   * a week covers the next five sessions across a weekend and a holiday. @default 7
   */
  maxSessionDaysAhead: 7,
  /** The largest response body openbell reads. @default 4 MiB */
  maxResponseBytes: 4 * 1024 * 1024,
})
