import type { trading } from '@alpacahq/alpaca-trade-api'
import { checkAlpacaOrigin, PAPER_TRADING_BASE_URL, redactUrl } from '../network/index.ts'
import { OpenbellError } from '../errors.ts'

/** The `fetch` the SDK calls: always a string URL and an init. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

/** A request to a host other than the paper host was refused before `fetch` was called. */
export class BrokerHostRefusedError extends OpenbellError {}

/**
 * Throws {@link BrokerHostRefusedError} unless `url` is on `https://paper-api.alpaca.markets` (no port, no credentials).
 * @example assertPaperRequestUrl('https://api.alpaca.markets/v2/account') // throws: live broker host
 */
export function assertPaperRequestUrl(url: string, method = 'GET'): void {
  const check = checkAlpacaOrigin(url)
  if (check.ok) return
  const shown = redactUrl(url)
  throw new BrokerHostRefusedError(
    `refused ${method.toUpperCase()} ${shown} before sending it (${check.code}): ${check.reason.replace(JSON.stringify(url), JSON.stringify(shown))}. ` +
      `Nothing was sent. openbell's Alpaca client talks to ${PAPER_TRADING_BASE_URL} only; a request elsewhere is a bug to report.`,
  )
}

/**
 * The SDK middleware that checks every request URL against the paper host before anything is sent, and lets a
 * refusal from {@link createPaperOnlyFetch} reach the caller as itself rather than wrapped in the SDK's `FetchError`.
 */
export const paperOnlyMiddleware: trading.Middleware = Object.freeze({
  async pre(context: trading.RequestContext): Promise<trading.FetchParams> {
    assertPaperRequestUrl(context.url, context.init.method)
    return { url: context.url, init: context.init }
  },
  async onError(context: trading.ErrorContext): Promise<undefined> {
    if (context.error instanceof BrokerHostRefusedError) throw context.error
    return undefined
  },
})

/**
 * Wraps `fetch` so the URL is checked again at the last moment, after every middleware had its say.
 * @note `fetchImpl` defaults to the global `fetch` looked up at call time, so a guard installed later still applies.
 */
export function createPaperOnlyFetch(fetchImpl?: FetchLike): FetchLike {
  return (url, init) => {
    assertPaperRequestUrl(url, init.method)
    return (fetchImpl ?? globalThis.fetch)(url, init)
  }
}
