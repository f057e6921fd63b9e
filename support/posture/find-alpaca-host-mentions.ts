import { checkAlpacaBaseUrl, LIVE_TRADING_HOST, normalizeHost, PAPER_TRADING_BASE_URL } from '../network/index.ts'

/** One mention of an Alpaca trading host inside a value. */
export interface AlpacaHostMention {
  /** The URL or host as written, cut out of the value at whitespace, quotes, brackets, `,`, `;`, `|` and `=`. */
  token: string
  /** The host as a browser would resolve it: lower-cased, IDNA-mapped, percent-decoded, trailing dots dropped. */
  host: string
  /** `paper-url`: exactly the paper base URL; `live`: the live host; `not-paper`: any other use of a trading host. */
  verdict: 'paper-url' | 'live' | 'not-paper'
  /** Why a `not-paper` token is refused. */
  reason?: string
}

/** A host under alpaca.markets, with trailing dots, that is not the start of a longer name (`….alpaca.markets.evil.example`). */
const HOST = /(?:[a-z0-9-]+\.)*alpaca\.markets(?![a-z0-9-]|\.+[a-z0-9-])\.*/gi
const DELIMITERS = /[\s"'`<>()[\]{},;|=]+/
/** Dots IDNA (UTS #46) maps to `.`: ideographic, fullwidth and halfwidth ideographic full stops. */
const IDNA_DOTS = /[\u3002\uFF0E\uFF61]/g
/** Characters IDNA maps to nothing (soft hyphen, zero-width joiners, word joiner, BOM, variation selectors). */
const IDNA_IGNORED = /[\u00AD\u200B-\u200D\u2060\uFEFF\uFE00-\uFE0F]/g
/** How many layers of percent-encoding are peeled (`%252E` → `%2E` → `.`); more is treated as written. */
const MAX_PERCENT_LAYERS = 3

/**
 * Finds every Alpaca *trading* host in a value (a URL, a bare host, or a line of a config file) and judges it.
 * Each token is read twice: by the WHATWG URL parser (what Node, browsers and most HTTP clients resolve: IDNA
 * mapping such as `。` → `.`, percent-decoding, upper case) and by a scan of the token with those same spellings
 * undone, which also finds a host that is not the URL's host (in user info, a path, a query). Trading hosts are
 * those whose first label contains `api` (`api`, `paper-api`, `broker-api`); market-data hosts (`data.…`,
 * `stream.data.…`) and the website are not trading hosts and are not reported.
 */
export function findAlpacaHostMentions(value: string): AlpacaHostMention[] {
  const mentions: AlpacaHostMention[] = []
  for (const token of value.split(DELIMITERS)) {
    if (token === '') continue
    const hosts = new Set([...tradingHostsSpelledIn(token)].filter((host) => /^[a-z0-9-]*api[a-z0-9-]*\./.test(host)))
    if (hosts.size === 0) continue
    if (hosts.has(LIVE_TRADING_HOST)) {
      mentions.push({ token, host: LIVE_TRADING_HOST, verdict: 'live' })
      continue
    }
    const check = checkAlpacaBaseUrl(token)
    for (const host of hosts) {
      mentions.push(check.ok ? { token, host, verdict: 'paper-url' } : { token, host, verdict: 'not-paper', reason: check.reason })
    }
  }
  return mentions
}

/** Every host under alpaca.markets a token spells, as a URL parser would resolve it and as plain text. */
function tradingHostsSpelledIn(token: string): Set<string> {
  const hosts = new Set<string>()
  const parsed = parseHost(token)
  if (parsed !== undefined && /(^|\.)alpaca\.markets$/.test(parsed)) hosts.add(parsed)
  for (const match of undoSpellings(token).matchAll(HOST)) hosts.add(normalizeHost(match[0]))
  return hosts
}

/** The host WHATWG URL resolves for `scheme://…` or, without a scheme, for `http://token`; trailing dots dropped. */
function parseHost(token: string): string | undefined {
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(token) ? token : `http://${token}`
  try {
    return normalizeHost(new URL(withScheme).hostname)
  } catch {
    return undefined
  }
}

/** Undoes the spellings a URL parser forgives: percent-encoding, compatibility forms (fullwidth), IDNA dots and ignored characters. */
function undoSpellings(text: string): string {
  let decoded = text
  for (let layer = 0; layer < MAX_PERCENT_LAYERS && /%[0-9a-f]{2}/i.test(decoded); layer += 1) {
    decoded = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  }
  return decoded.normalize('NFKC').replace(IDNA_DOTS, '.').replace(IDNA_IGNORED, '')
}

/** The message for a mention that is a finding. */
export function describeAlpacaHostMention(mention: AlpacaHostMention): string {
  if (mention.verdict === 'live') {
    return `names the live broker host ${LIVE_TRADING_HOST} (${JSON.stringify(mention.token)}); AgentTrader must trade through ${PAPER_TRADING_BASE_URL} only`
  }
  return `names the Alpaca trading host ${mention.host} but is not exactly ${PAPER_TRADING_BASE_URL} (or …/v2): ${mention.reason ?? ''}`
}
