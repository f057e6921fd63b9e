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
  ])('$value', ({ value, found }) => {
    expect(findAlpacaHostMentions(value).map((m) => `${m.verdict} ${m.token}`)).toEqual(found)
  })
})
