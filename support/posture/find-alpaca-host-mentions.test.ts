import { describe, expect, it } from 'vitest'
import { findAlpacaHostMentions } from './find-alpaca-host-mentions.ts'

describe('findAlpacaHostMentions', () => {
  it.each([
    { value: 'https://paper-api.alpaca.markets', found: ['paper-url https://paper-api.alpaca.markets'] },
    { value: 'base_url=https://paper-api.alpaca.markets/v2', found: ['paper-url https://paper-api.alpaca.markets/v2'] },
    { value: 'https://api.alpaca.markets/v2', found: ['live https://api.alpaca.markets/v2'] },
    { value: 'API.ALPACA.MARKETS.', found: ['live API.ALPACA.MARKETS.'] },
    { value: '{"url": "wss://api.alpaca.markets/stream"}', found: ['live wss://api.alpaca.markets/stream'] },
    { value: 'paper-api.alpaca.markets', found: ['not-paper paper-api.alpaca.markets'] },
    { value: 'https://broker-api.sandbox.alpaca.markets', found: ['not-paper https://broker-api.sandbox.alpaca.markets'] },
    { value: 'a https://paper-api.alpaca.markets b http://api.alpaca.markets:80', found: ['paper-url https://paper-api.alpaca.markets', 'live http://api.alpaca.markets:80'] },
    { value: 'https://data.alpaca.markets/v2', found: [] },
    { value: 'wss://stream.data.alpaca.markets/v2/iex', found: [] },
    { value: 'https://alpaca.markets/docs', found: [] },
    { value: 'https://api.alpaca.markets.evil.example', found: [] },
    { value: 'https://example.com', found: [] },
    // Spellings a URL parser resolves to the live host (issue 17, item 2).
    { value: 'https://api\u3002alpaca\u3002markets', found: ['live https://api\u3002alpaca\u3002markets'] },
    { value: 'https://api\uFF0Ealpaca\uFF0Emarkets/v2', found: ['live https://api\uFF0Ealpaca\uFF0Emarkets/v2'] },
    { value: 'https://api\uFF61alpaca\uFF61markets', found: ['live https://api\uFF61alpaca\uFF61markets'] },
    { value: 'https://api%2Ealpaca%2Emarkets', found: ['live https://api%2Ealpaca%2Emarkets'] },
    { value: 'https://api%252ealpaca%252emarkets', found: ['live https://api%252ealpaca%252emarkets'] },
    { value: 'https://\uFF41\uFF50\uFF49.alpaca.markets', found: ['live https://\uFF41\uFF50\uFF49.alpaca.markets'] },
    { value: 'https://api.alp\u00ADaca.markets', found: ['live https://api.alp\u00ADaca.markets'] },
    { value: 'https://user:pw@API.Alpaca.Markets.:8443/v2?x', found: ['live https://user:pw@API.Alpaca.Markets.:8443/v2?x'] },
    { value: 'https://paper-api.alpaca.markets@api.alpaca.markets', found: ['live https://paper-api.alpaca.markets@api.alpaca.markets'] },
    { value: 'https://api.alpaca.markets@relay.example.com', found: ['live https://api.alpaca.markets@relay.example.com'] },
    { value: 'url: https://paper-api\u3002alpaca\u3002markets', found: ['not-paper https://paper-api\u3002alpaca\u3002markets'] },
  ])('$value', ({ value, found }) => {
    expect(findAlpacaHostMentions(value).map((m) => `${m.verdict} ${m.token}`)).toEqual(found)
  })
})
