/**
 * The broker URL policy: openbell talks to Alpaca's paper host and nothing else.
 * Stricter than every validator in AgentTrader (reference §7.2): a URL is allowed only in its canonical form.
 */

/** Alpaca's paper trading host, the only broker host openbell may contact. */
export const PAPER_TRADING_HOST = 'paper-api.alpaca.markets'

/** Alpaca's live trading host: never contacted by openbell, in any mode. */
export const LIVE_TRADING_HOST = 'api.alpaca.markets'

/** The one allowed base URL (a path of `/`, `/v2` or `/v2/` is also allowed). */
export const PAPER_TRADING_BASE_URL = `https://${PAPER_TRADING_HOST}`

/**
 * Variables that hold the Alpaca trading base URL. AgentTrader reads `APCA_API_BASE_URL`
 * (`functions/utils/apca_env.py`, reference §7.2); the other two are the spellings Alpaca's SDKs and examples use.
 * Whatever host such a variable names *is* the trading host, so its value must pass {@link checkAlpacaBaseUrl}:
 * a relay or proxy host is as much "not paper" as the live host.
 */
export const ALPACA_BASE_URL_VARIABLES: readonly string[] = Object.freeze(['APCA_API_BASE_URL', 'ALPACA_BASE_URL', 'ALPACA_API_BASE_URL'])

/** Why a URL was refused; a stable vocabulary. */
export type AlpacaUrlRefusal =
  | 'unparseable'
  | 'live-host'
  | 'other-host'
  | 'trailing-dot'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'query-or-fragment'
  | 'path'
  | 'non-canonical'

/** The verdict on one broker URL. */
export type AlpacaUrlCheck =
  | { ok: true; url: URL }
  | { ok: false; code: AlpacaUrlRefusal; reason: string }

/** The paths allowed after the paper host in a base URL. */
const ALLOWED_BASE_PATHS: readonly string[] = ['', '/', '/v2', '/v2/']

/**
 * The shape of an absolute URL as written: scheme, `//`, authority, path, query, fragment.
 * @note WHATWG `URL` forgives a lot (`https:host`, backslashes, tabs, `:443`, `..`, `%2D` in the host);
 * the raw form is what says whether the URL was written canonically.
 */
const RAW_URL = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s

/**
 * Whether a host (or a URL, or `host:port`) is Alpaca's live trading host, in any case and with trailing dots.
 * @example isLiveBrokerHost('API.ALPACA.MARKETS.') // true
 */
export function isLiveBrokerHost(hostOrUrl: string): boolean {
  const host = hostnameOf(hostOrUrl)
  return host !== undefined && normalizeHost(host) === LIVE_TRADING_HOST
}

/** Lower-cases a host and drops trailing dots (`API.Alpaca.Markets.` → `api.alpaca.markets`). */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.+$/, '')
}

/**
 * Checks a broker base URL: only `https://paper-api.alpaca.markets` (path empty, `/`, `/v2` or `/v2/`) passes.
 * Refuses, with a specific reason: the live host, any other host, `http`, credentials, any explicit port
 * (even `:443`), a query or fragment, other paths, a trailing-dot host, and anything not written canonically.
 * Surrounding ASCII whitespace is ignored.
 */
export function checkAlpacaBaseUrl(url: string): AlpacaUrlCheck {
  const origin = checkAlpacaOrigin(url)
  if (!origin.ok) return origin
  const raw = RAW_URL.exec(trimAscii(url))
  const [, , , , rawPath = '', query, fragment] = raw ?? []
  if (query !== undefined || fragment !== undefined) {
    return refuse('query-or-fragment', url, 'must not include a query or fragment')
  }
  if (!ALLOWED_BASE_PATHS.includes(rawPath)) {
    return refuse('path', url, `path ${JSON.stringify(rawPath)} is not allowed; use none, "/" or "/v2"`)
  }
  return origin
}

/**
 * Checks only the origin of a URL (scheme, credentials, host, port) against the paper host; any path and query pass.
 * This is the rule for each request URL, where {@link checkAlpacaBaseUrl} is the rule for a configured base URL.
 */
export function checkAlpacaOrigin(url: string): AlpacaUrlCheck {
  const text = trimAscii(url)
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return refuse('unparseable', url, 'is not an absolute URL')
  }
  const host = normalizeHost(parsed.hostname)
  if (host === LIVE_TRADING_HOST) {
    return refuse('live-host', url, `names the live broker host ${LIVE_TRADING_HOST}; openbell trades through ${PAPER_TRADING_BASE_URL} only`)
  }
  if (host !== PAPER_TRADING_HOST) {
    const what = host === 'alpaca.markets' || host.endsWith('.alpaca.markets') ? 'an Alpaca host other than the paper host' : 'not an Alpaca host'
    return refuse('other-host', url, `host ${JSON.stringify(parsed.hostname)} is ${what}; expected ${PAPER_TRADING_HOST}`)
  }
  if (parsed.hostname !== PAPER_TRADING_HOST) {
    return refuse('trailing-dot', url, `host ${JSON.stringify(parsed.hostname)} ends with a dot; write ${PAPER_TRADING_HOST} without it`)
  }
  if (parsed.protocol !== 'https:') {
    return refuse('scheme', url, `scheme ${JSON.stringify(parsed.protocol)} is not allowed; the Alpaca base URL must be https`)
  }
  const raw = RAW_URL.exec(text)
  const authority = raw?.[3] ?? ''
  if (parsed.username !== '' || parsed.password !== '' || authority.includes('@')) {
    return refuse('credentials', url, 'must not include credentials')
  }
  const port = /:(\d*)$/.exec(authority)
  if (port !== null || parsed.port !== '') {
    return refuse('port', url, `must not specify a port (saw ":${port?.[1] ?? parsed.port}"; even ":443" is refused)`)
  }
  if (raw === null || raw[2] !== '//' || authority.toLowerCase() !== PAPER_TRADING_HOST || /[\\\t\n\r]/.test(text)) {
    return refuse('non-canonical', url, `is not written canonically; write it as ${PAPER_TRADING_BASE_URL}`)
  }
  return { ok: true, url: parsed }
}

function refuse(code: AlpacaUrlRefusal, url: string, why: string): AlpacaUrlCheck {
  return { ok: false, code, reason: `Alpaca base URL ${JSON.stringify(url)} ${why}` }
}

/** Strips the ASCII whitespace the way WHATWG URL does at both ends (and no Unicode spaces). */
function trimAscii(text: string): string {
  return text.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
}

/** The host of `https://host/…`, `host:port` or `host`; `undefined` when none can be read. */
function hostnameOf(hostOrUrl: string): string | undefined {
  const text = trimAscii(hostOrUrl)
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`
  try {
    return new URL(withScheme).hostname
  } catch {
    return undefined
  }
}
