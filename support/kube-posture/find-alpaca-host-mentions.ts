import { checkAlpacaBaseUrl, LIVE_TRADING_HOST, normalizeHost, PAPER_TRADING_BASE_URL } from '../policies/alpaca-base-url.ts'

/** One mention of an Alpaca trading host inside a value. */
export interface AlpacaHostMention {
  /** The URL or host as written, cut out of the value at whitespace, quotes, brackets, `,`, `;`, `|` and `=`. */
  token: string
  /** The host, lower-cased, trailing dots dropped. */
  host: string
  /** `paper-url`: exactly the paper base URL; `live`: the live host; `not-paper`: any other use of a trading host. */
  verdict: 'paper-url' | 'live' | 'not-paper'
  /** Why a `not-paper` token is refused. */
  reason?: string
}

/** A host under alpaca.markets, with trailing dots, that is not the start of a longer name (`….alpaca.markets.evil.example`). */
const HOST = /(?:[a-z0-9-]+\.)*alpaca\.markets(?![a-z0-9-]|\.+[a-z0-9-])\.*/gi
const DELIMITER = /[\s"'`<>()[\]{},;|=]/

/**
 * Finds every Alpaca *trading* host in a value (a URL, a bare host, or a line of a config file) and judges it.
 * Trading hosts are those whose first label contains `api` (`api`, `paper-api`, `broker-api`); market-data hosts
 * (`data.…`, `stream.data.…`) and the website are not trading hosts and are not reported.
 */
export function findAlpacaHostMentions(value: string): AlpacaHostMention[] {
  const mentions: AlpacaHostMention[] = []
  for (const match of value.matchAll(HOST)) {
    const host = normalizeHost(match[0])
    if (!/^[a-z0-9-]*api[a-z0-9-]*\./.test(host)) continue
    let start = match.index
    let end = match.index + match[0].length
    while (start > 0 && !DELIMITER.test(value.charAt(start - 1))) start -= 1
    while (end < value.length && !DELIMITER.test(value.charAt(end))) end += 1
    const token = value.slice(start, end)
    if (host === LIVE_TRADING_HOST) {
      mentions.push({ token, host, verdict: 'live' })
      continue
    }
    const check = checkAlpacaBaseUrl(token)
    mentions.push(check.ok ? { token, host, verdict: 'paper-url' } : { token, host, verdict: 'not-paper', reason: check.reason })
  }
  return mentions
}

/** The message for a mention that is a finding. */
export function describeAlpacaHostMention(mention: AlpacaHostMention): string {
  if (mention.verdict === 'live') {
    return `names the live broker host ${LIVE_TRADING_HOST} (${JSON.stringify(mention.token)}); AgentTrader must trade through ${PAPER_TRADING_BASE_URL} only`
  }
  return `names the Alpaca trading host ${mention.host} but is not exactly ${PAPER_TRADING_BASE_URL} (or …/v2): ${mention.reason ?? ''}`
}
