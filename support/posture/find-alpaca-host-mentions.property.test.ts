import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LIVE_TRADING_HOST } from '../network/index.ts'
import { findAlpacaHostMentions } from './find-alpaca-host-mentions.ts'

/** One character of the live host, written any way a URL parser (WHATWG, IDNA UTS #46) reads back as that character. */
function spellings(char: string): fc.Arbitrary<string> {
  const hex = char.charCodeAt(0).toString(16).padStart(2, '0')
  const forms = [char, char.toUpperCase(), `%${hex}`, `%${hex.toUpperCase()}`]
  if (char === '.') forms.push('\u3002', '\uFF0E', '\uFF61', '%252E')
  // @note fullwidth letters (U+FF41…) are what NFKC and IDNA map back to ASCII.
  if (/[a-z]/.test(char)) forms.push(String.fromCharCode(0xff41 + char.charCodeAt(0) - 97))
  return fc.constantFrom(...forms)
}

const liveHostSpelling = fc.tuple(...[...LIVE_TRADING_HOST].map(spellings)).map((chars) => chars.join(''))
const around = fc.record({
  scheme: fc.constantFrom('https://', 'http://', 'wss://', 'HTTPS://', ''),
  userinfo: fc.constantFrom('', 'user@', 'user:pw@', 'paper-api.alpaca.markets@'),
  trailingDots: fc.constantFrom('', '.', '..'),
  port: fc.constantFrom('', ':443', ':8443', ':'),
  path: fc.constantFrom('', '/', '/v2', '/v2/orders?x=1', '#f'),
  prefix: fc.constantFrom('', 'APCA_API_BASE_URL=', 'base_url: ', '{"url":"'),
})

describe('findAlpacaHostMentions finds the live host in every spelling a URL parser resolves to it', () => {
  it('as a URL with any scheme, user info, trailing dots, port and path, inside a line of config', () => {
    fc.assert(
      fc.property(liveHostSpelling, around, (host, { scheme, userinfo, trailingDots, port, path, prefix }) => {
        const value = `${prefix}${scheme}${userinfo}${host}${trailingDots}${port}${path}`
        expect(findAlpacaHostMentions(value).map((mention) => mention.verdict)).toContain('live')
      }),
      { numRuns: 500 },
    )
  })

  it('whenever WHATWG URL itself resolves a value to the live host', () => {
    fc.assert(
      fc.property(liveHostSpelling, around, (host, { userinfo, trailingDots, path }) => {
        const value = `https://${userinfo}${host}${trailingDots}${path}`
        let resolved: string
        try {
          resolved = new URL(value).hostname.replace(/\.+$/, '')
        } catch {
          return
        }
        if (resolved === LIVE_TRADING_HOST) expect(findAlpacaHostMentions(value).some((mention) => mention.verdict === 'live')).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
