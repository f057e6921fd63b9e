import { Alpaca } from '@alpacahq/alpaca-trade-api'
import { DEFAULTS, missingAlpacaCredentialVariables, readAlpacaCredentials } from '../config/index.ts'
import { OpenbellError, UsageError } from '../errors.ts'
import { checkAlpacaBaseUrl } from '../network/index.ts'
import { assertPaperBaseUrlEnv } from './alpaca-base-url-env.ts'
import { createPaperOnlyFetch, paperOnlyMiddleware, type FetchLike } from './alpaca-paper-only-middleware.ts'

export { readAlpacaCredentials, type AlpacaCredentials } from '../config/index.ts'
export { BrokerHostRefusedError, paperOnlyMiddleware } from './alpaca-paper-only-middleware.ts'

/** Options of {@link createPaperAlpacaClient}. */
export interface PaperAlpacaClientOptions {
  /** The API key id. @default env.APCA_API_KEY_ID */
  keyId?: string
  /** The API secret. @default env.APCA_API_SECRET_KEY */
  secret?: string
  /** Where credentials and base-URL variables are read from. @default process.env */
  env?: Readonly<Record<string, string | undefined>>
  /** The `fetch` that finally sends each request. @default the global `fetch`, looked up at each call */
  fetch?: FetchLike
  /** Each request gives up after this many milliseconds. @default 5000 */
  timeoutMs?: number
}

/** The defaults of {@link PaperAlpacaClientOptions}. */
export const PAPER_ALPACA_CLIENT_DEFAULTS = Object.freeze({
  timeoutMs: DEFAULTS.requestTimeoutMs,
})

/**
 * Builds openbell's Alpaca client, which can only reach the paper host: `paper: true`, no retries (each refusal or
 * failure surfaces once), and every request URL checked twice (SDK middleware, then the `fetch` wrapper) before sending.
 * @throws UsageError when credentials are missing or a base-URL variable points anywhere but the paper host.
 * @throws OpenbellError when the SDK's effective trading base URL is not the paper URL.
 */
export function createPaperAlpacaClient(options: PaperAlpacaClientOptions = {}): Alpaca {
  const env = options.env ?? process.env
  assertPaperBaseUrlEnv(env)
  const fromEnv = readAlpacaCredentials(env)
  const keyId = options.keyId ?? fromEnv?.keyId
  const secret = options.secret ?? fromEnv?.secret
  if (keyId === undefined || keyId === '' || secret === undefined || secret === '') {
    const missing = missingAlpacaCredentialVariables(env).join(' and ')
    throw new UsageError(
      `no Alpaca paper credentials: ${missing || 'the keyId or secret option'} is missing or blank. ` +
        'Set APCA_API_KEY_ID and APCA_API_SECRET_KEY to a paper account key pair.',
    )
  }
  // @note always pass both keys: the SDK otherwise reads APCA_API_* (and APCA_API_OAUTH_TOKEN) from process.env,
  // not from the injected env.
  const alpaca = new Alpaca({
    keyId,
    secret,
    paper: true,
    middleware: [paperOnlyMiddleware],
    fetchApi: createPaperOnlyFetch(options.fetch),
    retry: false,
    rateLimit: false,
    timeoutMs: options.timeoutMs ?? PAPER_ALPACA_CLIENT_DEFAULTS.timeoutMs,
  })
  assertEffectiveBaseUrl(alpaca)
  return alpaca
}

/**
 * The trading base URL the SDK will actually use, read from one of its API objects.
 * @note the SDK keeps it on a protected `configuration.basePath`; read structurally so an upgrade that moves it fails
 * loudly here instead of silently skipping the check.
 */
export function readEffectiveTradingBaseUrl(alpaca: Alpaca): string | undefined {
  const api = alpaca.trading.account as unknown as { configuration?: { basePath?: unknown } }
  const basePath = api.configuration?.basePath
  return typeof basePath === 'string' ? basePath : undefined
}

function assertEffectiveBaseUrl(alpaca: Alpaca): void {
  const basePath = readEffectiveTradingBaseUrl(alpaca)
  const check = basePath === undefined ? undefined : checkAlpacaBaseUrl(basePath)
  if (check?.ok === true) return
  throw new OpenbellError(
    `the Alpaca SDK's effective trading base URL is ${JSON.stringify(basePath ?? null)}` +
      `${check === undefined ? ' (unreadable)' : `: ${check.reason}`}; expected https://paper-api.alpaca.markets. ` +
      'Check the installed @alpacahq/alpaca-trade-api version (openbell pins 4.0.2).',
  )
}
