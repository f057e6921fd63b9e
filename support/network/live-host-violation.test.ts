import { describe, expect, it } from 'vitest'
import { createViolation, redactUrl } from './live-host-violation.ts'

describe('redactUrl', () => {
  it.each([
    { url: 'https://api.alpaca.markets/v2/account', redacted: 'https://api.alpaca.markets/v2/account' },
    { url: 'https://u:p@api.alpaca.markets/v2', redacted: 'https://redacted@api.alpaca.markets/v2' },
    { url: 'https://api.alpaca.markets/v2?token=t&limit=5', redacted: 'https://api.alpaca.markets/v2?token=%5Bredacted%5D&limit=5' },
    { url: 'dns:api.alpaca.markets', redacted: 'dns:api.alpaca.markets' },
    { url: 'not a url', redacted: 'not a url' },
  ])('$url → $redacted', ({ url, redacted }) => {
    expect(redactUrl(url)).toBe(redacted)
  })
})

describe('createViolation', () => {
  it('records URL, upper-cased method, time and layer', () => {
    const violation = createViolation('https://api.alpaca.markets/v2', 'post', 'request', new Date('2026-03-02T14:30:00Z'))
    expect(violation).toMatchObject({ url: 'https://api.alpaca.markets/v2', method: 'POST', at: '2026-03-02T14:30:00.000Z', layer: 'request' })
    expect(violation.stack).toContain('live-host-violation.test.ts')
  })
})
