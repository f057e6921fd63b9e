import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { UsageError } from '../errors.ts'
import { BrokerHostRefusedError, createPaperAlpacaClient, paperOnlyMiddleware, readAlpacaCredentials, readEffectiveTradingBaseUrl } from './alpaca-client.ts'

const KEYS = { APCA_API_KEY_ID: 'PKTESTKEYID0001', APCA_API_SECRET_KEY: 'sekrit-secret-0001' }

function accountFetch() {
  return vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ id: 'acct-1', status: 'ACTIVE', account_number: 'PA0001' }))
}

describe('readAlpacaCredentials', () => {
  it.each([
    { env: KEYS, found: true },
    { env: { APCA_API_KEY_ID: 'PK1' }, found: false },
    { env: { APCA_API_SECRET_KEY: 's' }, found: false },
    { env: { APCA_API_KEY_ID: 'PK1', APCA_API_SECRET_KEY: '  ' }, found: false },
    { env: {}, found: false },
  ])('$env → found=$found', ({ env, found }) => {
    expect(readAlpacaCredentials(env)).toEqual(found ? { keyId: KEYS.APCA_API_KEY_ID, secret: KEYS.APCA_API_SECRET_KEY } : null)
  })
})

describe('createPaperAlpacaClient', () => {
  it('targets the paper host whatever the environment says', () => {
    const client = createPaperAlpacaClient({ env: { ...KEYS, APCA_API_BASE_URL: 'https://paper-api.alpaca.markets/v2' } })
    expect(readEffectiveTradingBaseUrl(client)).toBe('https://paper-api.alpaca.markets')
    expect(client.paper).toBe(true)
  })

  it.each([
    { name: 'APCA_API_BASE_URL', value: 'https://api.alpaca.markets', code: 'live-host' },
    { name: 'APCA_API_BASE_URL', value: 'https://api.alpaca.markets/v2', code: 'live-host' },
    { name: 'ALPACA_BASE_URL', value: 'http://paper-api.alpaca.markets', code: 'scheme' },
    { name: 'ALPACA_API_BASE_URL', value: 'https://paper-api.alpaca.markets:443', code: 'port' },
  ])('refuses $name=$value at construction', ({ name, value, code }) => {
    const build = () => createPaperAlpacaClient({ env: { ...KEYS, [name]: value } })
    expect(build).toThrow(UsageError)
    expect(build).toThrow(`${name} is "${value}", which openbell refuses (${code})`)
    expect(build).not.toThrow(/PKTESTKEYID0001|sekrit/)
  })

  it('says which variable and value, and what to do', () => {
    expect(() => createPaperAlpacaClient({ env: { ...KEYS, APCA_API_BASE_URL: 'https://api.alpaca.markets' } })).toThrow(
      '[openbell] APCA_API_BASE_URL is "https://api.alpaca.markets", which openbell refuses (live-host): ' +
        'Alpaca base URL "https://api.alpaca.markets" names the live broker host api.alpaca.markets; ' +
        'openbell trades through https://paper-api.alpaca.markets only. ' +
        'Expected unset or https://paper-api.alpaca.markets (optionally with /v2). ' +
        'Unset APCA_API_BASE_URL or set it to https://paper-api.alpaca.markets.',
    )
  })

  it('redacts user info of a refused base URL', () => {
    expect(() => createPaperAlpacaClient({ env: { ...KEYS, APCA_API_BASE_URL: 'https://u:pw@paper-api.alpaca.markets' } })).toThrow(
      'APCA_API_BASE_URL is "https://redacted@paper-api.alpaca.markets/", which openbell refuses (credentials)',
    )
  })

  it('names the missing credential variables, never a value', () => {
    const build = () => createPaperAlpacaClient({ env: { APCA_API_KEY_ID: 'PKTESTKEYID0001' } })
    expect(build).toThrow('[openbell] no Alpaca paper credentials: APCA_API_SECRET_KEY is missing or blank.')
    expect(build).not.toThrow(/PKTESTKEYID0001/)
  })

  it('sends paper requests through the given fetch', async () => {
    const fetchSpy = accountFetch()
    const client = createPaperAlpacaClient({ env: KEYS, fetch: fetchSpy })
    await expect(client.trading.account.getAccount()).resolves.toMatchObject({ id: 'acct-1', accountNumber: 'PA0001' })
    expect(fetchSpy).toHaveBeenCalledOnce()
    expect(fetchSpy.mock.calls[0]?.[0]).toBe('https://paper-api.alpaca.markets/v2/account')
  })

  it('refuses a request rewritten to the live host by a later middleware, without calling fetch', async () => {
    const fetchSpy = accountFetch()
    const client = createPaperAlpacaClient({ env: KEYS, fetch: fetchSpy })
    const toLive = client.trading.account.withPreMiddleware(async ({ url, init }) => ({ url: url.replace('paper-api.', 'api.'), init }))
    await expect(toLive.getAccount()).rejects.toThrow(BrokerHostRefusedError)
    await expect(toLive.getAccount()).rejects.toThrow(
      '[openbell] refused GET https://api.alpaca.markets/v2/account before sending it (live-host)',
    )
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})

/** A loopback server answering each request with `answer`, recording the headers it was sent. */
async function listen(answer: (respond: (status: number, headers: Record<string, string>) => void) => void): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    answer((status, headers) => response.writeHead(status, headers).end('{"id":"elsewhere","status":"ACTIVE"}'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server }
}

describe('createPaperAlpacaClient: redirects', () => {
  it('never follows a redirect from the paper host: the key pair is not sent where it points', async () => {
    const elsewhere = await listen((respond) => respond(200, { 'content-type': 'application/json' }))
    const paper = await listen((respond) => respond(307, { location: `${elsewhere.url}/v2/account` }))
    try {
      // @note the paper host stood in by a loopback server, through the real fetch: it answers with a redirect.
      const viaLoopback = (url: string, init: RequestInit) => fetch(url.replace('https://paper-api.alpaca.markets', paper.url), init)
      const client = createPaperAlpacaClient({ env: KEYS, fetch: viaLoopback })
      await expect(client.trading.account.getAccount()).rejects.toThrow()
      expect(paper.seen).toHaveLength(1)
      expect(elsewhere.seen).toEqual([])
    } finally {
      paper.server.close()
      elsewhere.server.close()
    }
  })
})

describe('paperOnlyMiddleware', () => {
  it.each([
    'https://api.alpaca.markets/v2/orders',
    'https://API.ALPACA.MARKETS./v2/orders',
    'https://data.alpaca.markets/v2/stocks/AAPL/bars',
    'http://paper-api.alpaca.markets/v2/orders',
    'https://paper-api.alpaca.markets:8443/v2/orders',
  ])('refuses %s and never calls fetch', async (url) => {
    const fetchSpy = vi.fn()
    await expect(paperOnlyMiddleware.pre?.({ url, init: { method: 'POST' }, fetch: fetchSpy })).rejects.toThrow(BrokerHostRefusedError)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('lets a paper request through unchanged', async () => {
    const init = { method: 'GET' }
    const url = 'https://paper-api.alpaca.markets/v2/orders?status=open'
    await expect(paperOnlyMiddleware.pre?.({ url, init, fetch: vi.fn() })).resolves.toEqual({ url, init })
  })
})
