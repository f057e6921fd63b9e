/**
 * The live broker host is never contacted: through the Alpaca SDK itself the guard refuses and records, and
 * through openbell's own client nothing is even attempted.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { http } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Alpaca } from '@alpacahq/alpaca-trade-api'
import { BrokerHostRefusedError, createPaperAlpacaClient } from '../../support/alpaca/alpaca-client.ts'
import { installNetworkGuard, type NetworkGuard } from '../../support/guard/index.ts'
import { appendViolationTo, readViolationsFrom } from '../../support/network/index.ts'

const KEY_ID = 'PKLIVEPROBE0001'
const SECRET = 'live-probe-secret-0001'
const violationsFile = join(mkdtempSync(join(tmpdir(), 'openbell-paper-')), 'violations.ndjson')
const reached: string[] = []
let guard: NetworkGuard

beforeAll(() => {
  guard = installNetworkGuard({ onViolation: appendViolationTo(violationsFile) })
  guard.use(http.all('*', ({ request }) => void reached.push(`${request.method} ${request.url}`)))
})

afterAll(() => guard.close())

describe('the Alpaca SDK pointed at the live host', () => {
  it('is refused by the guard, which records the attempt without its keys', async () => {
    const live = new Alpaca({ keyId: KEY_ID, secret: SECRET, paper: false, retry: false, rateLimit: false })
    await expect(live.trading.account.getAccount()).rejects.toThrow()
    await expect(live.trading.orders.market({ symbol: 'AAPL', qty: 1, side: 'buy', clientOrderId: 'openbell-probe' })).rejects.toThrow()
    expect(guard.violations().map(({ method, url, layer }) => ({ method, url, layer }))).toEqual([
      { method: 'GET', url: 'https://api.alpaca.markets/v2/account', layer: 'request' },
      { method: 'POST', url: 'https://api.alpaca.markets/v2/orders', layer: 'request' },
    ])
    expect(readViolationsFrom(violationsFile)).toEqual(guard.violations())
    expect(readFileSync(violationsFile, 'utf8')).not.toMatch(new RegExp(`${KEY_ID}|${SECRET}`))
    expect(reached).toEqual([])
  })
})

describe("openbell's paper client", () => {
  it('refuses a request rewritten to the live host before anything reaches the network layer', async () => {
    const before = guard.violations().length
    const client = createPaperAlpacaClient({ env: { APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET } })
    const rewritten = client.trading.account.withPreMiddleware(async ({ url, init }) => ({ url: url.replace('//paper-api.', '//api.'), init }))
    await expect(rewritten.getAccount()).rejects.toBeInstanceOf(BrokerHostRefusedError)
    expect(guard.violations().length).toBe(before)
    expect(reached).toEqual([])
  })
})

describe('clients msw does not intercept', () => {
  it('the undici package fails at the DNS lookup, recorded by the guard', async (context) => {
    const specifier = 'undici'
    const undici = (await import(specifier).catch(() => undefined)) as { fetch?: typeof fetch } | undefined
    if (undici?.fetch === undefined) return context.skip('the undici package is not installed')
    const before = guard.violations().length
    await expect(undici.fetch('https://api.alpaca.markets/v2/account')).rejects.toThrow()
    expect(guard.violations().slice(before)).toMatchObject([{ url: 'dns:api.alpaca.markets', method: 'LOOKUP', layer: 'dns' }])
  })
})
