import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkAlpacaBaseUrl, checkAlpacaOrigin, isLiveBrokerHost, type AlpacaUrlRefusal } from './alpaca-base-url.ts'

type Row = { url: string; code: AlpacaUrlRefusal | 'ok'; says?: string }

/** `tests/test_paper_execution_safeguards.py`, the seven base-URL cases (reference §7.1). */
const RUNBOOK_SAFEGUARD_SUITE: Row[] = [
  { url: 'https://paper-api.alpaca.markets', code: 'ok' },
  { url: 'https://api.alpaca.markets/v2', code: 'live-host', says: 'live broker host' },
  { url: 'https://some-other-api.com', code: 'other-host', says: 'not an Alpaca host' },
  { url: 'http://paper-api.alpaca.markets', code: 'scheme', says: 'must be https' },
  { url: 'https://user:pass@paper-api.alpaca.markets', code: 'credentials', says: 'must not include credentials' },
  { url: 'https://paper-api.alpaca.markets:8080', code: 'port', says: 'must not specify a port' },
  { url: 'https://paper-api.alpaca.markets?query=param', code: 'query-or-fragment', says: 'must not include a query or fragment' },
]

/** The rows of the validator matrix (reference §7.2) and the edges openbell decides deliberately. */
const EDGES: Row[] = [
  { url: 'https://paper-api.alpaca.markets/', code: 'ok' },
  { url: 'https://paper-api.alpaca.markets/v2', code: 'ok' },
  { url: 'https://paper-api.alpaca.markets/v2/', code: 'ok' },
  { url: 'https://PAPER-API.ALPACA.MARKETS', code: 'ok' },
  { url: 'HTTPS://Paper-Api.Alpaca.Markets/v2', code: 'ok' },
  { url: '  https://paper-api.alpaca.markets\n', code: 'ok' },
  { url: 'https://api.alpaca.markets', code: 'live-host', says: 'live broker host' },
  { url: 'https://api.alpaca.markets/', code: 'live-host' },
  { url: 'http://API.ALPACA.MARKETS.:8443/v2?x=1', code: 'live-host' },
  { url: 'https://api.alpaca.markets.', code: 'live-host' },
  { url: 'https://api%2Ealpaca.markets', code: 'live-host' },
  { url: 'https://data.alpaca.markets', code: 'other-host', says: 'an Alpaca host other than the paper host' },
  { url: 'https://paper-api.alpaca.markets.evil.example', code: 'other-host' },
  { url: 'https://paper-api.alpaca.markets@evil.example', code: 'other-host' },
  { url: 'https://paper-api.alpaca.markets.', code: 'trailing-dot', says: 'ends with a dot' },
  { url: 'wss://paper-api.alpaca.markets', code: 'scheme' },
  { url: 'https://@paper-api.alpaca.markets', code: 'credentials' },
  { url: 'https://paper-api.alpaca.markets:443', code: 'port', says: 'even ":443" is refused' },
  { url: 'https://paper-api.alpaca.markets:', code: 'port' },
  { url: 'https://paper-api.alpaca.markets#frag', code: 'query-or-fragment' },
  { url: 'https://paper-api.alpaca.markets/v2?', code: 'query-or-fragment' },
  { url: 'https://paper-api.alpaca.markets/v1', code: 'path', says: 'path "/v1" is not allowed' },
  { url: 'https://paper-api.alpaca.markets/V2', code: 'path' },
  { url: 'https://paper-api.alpaca.markets/v2/../v2', code: 'path' },
  { url: 'https://paper-api.alpaca.markets//v2', code: 'path' },
  { url: 'https:paper-api.alpaca.markets', code: 'non-canonical' },
  { url: 'https:\\\\paper-api.alpaca.markets', code: 'non-canonical' },
  { url: 'https://paper-api.alpaca\t.markets', code: 'non-canonical' },
  { url: 'https://paper%2Dapi.alpaca.markets', code: 'non-canonical' },
  { url: '', code: 'unparseable' },
  { url: 'paper-api.alpaca.markets', code: 'unparseable' },
  { url: 'not a url', code: 'unparseable' },
]

describe('checkAlpacaBaseUrl', () => {
  it.each([...RUNBOOK_SAFEGUARD_SUITE, ...EDGES])('$url → $code', ({ url, code, says }) => {
    const check = checkAlpacaBaseUrl(url)
    if (code === 'ok') {
      expect(check).toMatchObject({ ok: true })
      if (check.ok) expect(check.url.hostname).toBe('paper-api.alpaca.markets')
      return
    }
    expect(check).toMatchObject({ ok: false, code })
    if (!check.ok && says !== undefined) expect(check.reason).toContain(says)
  })

  it('words the live-host refusal for an operator', () => {
    expect(checkAlpacaBaseUrl('https://api.alpaca.markets/v2')).toEqual({
      ok: false,
      code: 'live-host',
      reason:
        'Alpaca base URL "https://api.alpaca.markets/v2" names the live broker host api.alpaca.markets; openbell trades through https://paper-api.alpaca.markets only',
    })
  })

  it('never allows a URL whose host is not exactly the paper host', () => {
    fc.assert(
      fc.property(anyUrl(), (url) => {
        const check = checkAlpacaBaseUrl(url)
        return !check.ok || check.url.hostname === 'paper-api.alpaca.markets'
      }),
      { numRuns: 2_000 },
    )
  })

  it('agrees with the reference rule on every generated URL', () => {
    fc.assert(
      fc.property(anyUrl(), (url) => checkAlpacaBaseUrl(url).ok === referenceRule(url)),
      { numRuns: 2_000 },
    )
  })
})

describe('checkAlpacaOrigin', () => {
  it.each([
    { url: 'https://paper-api.alpaca.markets/v2/orders?status=open', ok: true },
    { url: 'https://paper-api.alpaca.markets/v2/account', ok: true },
    { url: 'https://api.alpaca.markets/v2/account', ok: false },
    { url: 'https://data.alpaca.markets/v2/stocks/bars', ok: false },
    { url: 'http://paper-api.alpaca.markets/v2/account', ok: false },
    { url: 'https://paper-api.alpaca.markets:443/v2/account', ok: false },
  ])('$url → ok=$ok', ({ url, ok }) => {
    expect(checkAlpacaOrigin(url).ok).toBe(ok)
  })
})

describe('isLiveBrokerHost', () => {
  it.each([
    { input: 'api.alpaca.markets', live: true },
    { input: 'API.ALPACA.MARKETS.', live: true },
    { input: 'api.alpaca.markets:443', live: true },
    { input: 'https://api.alpaca.markets/v2/orders', live: true },
    { input: 'wss://Api.Alpaca.Markets/stream', live: true },
    { input: 'http://user:pw@api.alpaca.markets:8080', live: true },
    { input: 'paper-api.alpaca.markets', live: false },
    { input: 'https://paper-api.alpaca.markets', live: false },
    { input: 'data.alpaca.markets', live: false },
    { input: 'api.alpaca.markets.evil.example', live: false },
    { input: 'xapi.alpaca.markets', live: false },
    { input: '', live: false },
  ])('$input → $live', ({ input, live }) => {
    expect(isLiveBrokerHost(input)).toBe(live)
  })
})

/**
 * The allowed set written independently as one expression: `https://paper-api.alpaca.markets` with an optional
 * path of `/`, `/v2` or `/v2/`; scheme and host in any case; ASCII whitespace around it ignored.
 */
function referenceRule(url: string): boolean {
  const match = /^https:\/\/paper-api\.alpaca\.markets(\/v2\/?|\/)?$/i.exec(url.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ''))
  return match !== null && ['', '/', '/v2', '/v2/'].includes(match[1] ?? '')
}

/**
 * URLs built from parts: each part is mostly one of the allowed forms and sometimes a near miss, so the allowed
 * form and each single deviation from it are both common. Plus arbitrary web URLs and strings.
 */
function anyUrl(): fc.Arbitrary<string> {
  const part = (allowed: string[], nearMisses: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: fc.constantFrom(...allowed), weight: 4 }, { arbitrary: nearMisses, weight: 1 })
  const space = part([''], fc.constantFrom(' ', '\n', '\t', '\u00a0'))
  const scheme = part(['https', 'HTTPS', 'Https'], fc.constantFrom('http', 'wss', 'ftp', 'https ', ''))
  const separator = part(['://'], fc.constantFrom(':', ':/', ':\\\\', ':///'))
  const userinfo = part([''], fc.constantFrom('@', 'user:pass@', ':@', 'paper-api.alpaca.markets@'))
  const host = part(
    ['paper-api.alpaca.markets', 'PAPER-API.ALPACA.MARKETS', 'Paper-Api.Alpaca.Markets'],
    fc.oneof(
      fc.constantFrom(
        'paper-api.alpaca.markets.', 'api.alpaca.markets', 'API.ALPACA.MARKETS.', 'data.alpaca.markets',
        'paper-api.alpaca.markets.evil.example', 'xpaper-api.alpaca.markets', 'paper-api.alpaca.market',
        'paper%2Dapi.alpaca.markets', 'paper-api.alpaca\t.markets', '127.0.0.1', '[::1]',
      ),
      fc.domain(),
    ),
  )
  const port = part([''], fc.constantFrom(':', ':443', ':8080', ':0'))
  const path = part(
    ['', '/', '/v2', '/v2/'],
    fc.oneof(fc.constantFrom('/V2', '/v1', '/v2/../v2', '/%76%32', '//v2', '/v2/orders', '\\v2', '/./v2'), fc.webPath()),
  )
  const query = part([''], fc.constantFrom('?', '?x=1', '#', '#f', '?a#b'))
  const assembled = fc
    .tuple(space, scheme, separator, userinfo, host, port, path, query, space)
    .map((parts) => parts.join(''))
  return fc.oneof({ arbitrary: assembled, weight: 8 }, { arbitrary: fc.webUrl(), weight: 1 }, { arbitrary: fc.string(), weight: 1 })
}
