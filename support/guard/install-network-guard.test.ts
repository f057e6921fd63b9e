import dns from 'node:dns'
import { createServer, get, request, type Server } from 'node:http'
import https from 'node:https'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendViolationTo, readViolationsFrom, type LiveHostViolation } from '../network/index.ts'
import { installNetworkGuard, type NetworkGuard } from './install-network-guard.ts'

const folder = mkdtempSync(join(tmpdir(), 'openbell-guard-'))
const violationsFile = join(folder, 'violations.ndjson')
let guard: NetworkGuard
let loopback: Server
let loopbackUrl: string

beforeAll(async () => {
  guard = installNetworkGuard({ onViolation: appendViolationTo(violationsFile) })
  loopback = createServer((_request, response) => response.end('loopback ok'))
  await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve))
  const address = loopback.address()
  if (address === null || typeof address === 'string') throw new Error('no loopback port')
  loopbackUrl = `http://127.0.0.1:${address.port}/ping`
})

afterAll(async () => {
  guard.close()
  await new Promise((resolve) => loopback.close(resolve))
})

/** Runs `attempt` and returns the one violation it caused; fails when it caused none or several. */
async function refusedBy(attempt: () => Promise<unknown>): Promise<LiveHostViolation> {
  const before = guard.violations().length
  await expect(attempt()).rejects.toThrow()
  const caused = guard.violations().slice(before)
  expect(caused).toHaveLength(1)
  return caused[0] as LiveHostViolation
}

/** Sends a `node:http`-style request and settles with the response status or the request's error. */
function send(make: (callback: (response: { statusCode?: number; resume(): void }) => void) => ReturnType<typeof request>) {
  return new Promise<number | undefined>((resolve, reject) => {
    const outgoing = make((response) => {
      response.resume()
      resolve(response.statusCode)
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('the live-host guard refuses before anything leaves the process', () => {
  it.each([
    { url: 'https://api.alpaca.markets/v2/account', method: 'GET', recorded: 'https://api.alpaca.markets/v2/account' },
    { url: 'https://API.ALPACA.MARKETS./v2/orders', method: 'POST', recorded: 'https://api.alpaca.markets./v2/orders' },
    { url: 'http://api.alpaca.markets:8080/anything?x=1', method: 'DELETE', recorded: 'http://api.alpaca.markets:8080/anything?x=1' },
  ])('global fetch: $method $url', async ({ url, method, recorded }) => {
    const violation = await refusedBy(() => fetch(url, { method, headers: { 'APCA-API-SECRET-KEY': 'sekrit-fetch' } }))
    expect(violation).toMatchObject({ url: recorded, method, layer: 'request' })
    expect(violation.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('node:http request (a named ESM import)', async () => {
    const violation = await refusedBy(() => send((callback) => request('http://api.alpaca.markets/v2/account', callback)))
    expect(violation).toMatchObject({ url: 'http://api.alpaca.markets/v2/account', method: 'GET', layer: 'request' })
  })

  it('node:http get (a named ESM import)', async () => {
    const violation = await refusedBy(() => send((callback) => get('http://Api.Alpaca.Markets:80/v2/clock', callback)))
    expect(violation).toMatchObject({ url: 'http://api.alpaca.markets/v2/clock', layer: 'request' })
  })

  it('node:https request and get', async () => {
    const options = { host: 'api.alpaca.markets', path: '/v2/orders', method: 'POST', headers: { 'APCA-API-KEY-ID': 'sekrit-https' } }
    const first = await refusedBy(() => send((callback) => https.request(options, callback)))
    expect(first).toMatchObject({ url: 'https://api.alpaca.markets/v2/orders', method: 'POST', layer: 'request' })
    const second = await refusedBy(() => send((callback) => https.get('https://api.alpaca.markets./v2/positions', callback)))
    expect(second).toMatchObject({ url: 'https://api.alpaca.markets./v2/positions', method: 'GET' })
  })

  it('a raw TLS socket fails at the DNS lookup', async () => {
    const violation = await refusedBy(
      () =>
        new Promise((resolve, reject) => {
          const socket = tls.connect({ host: 'api.alpaca.markets', port: 443, servername: 'api.alpaca.markets' }, () => resolve(socket))
          socket.on('error', reject)
        }),
    )
    expect(violation).toMatchObject({ url: 'dns:api.alpaca.markets', method: 'LOOKUP', layer: 'dns' })
  })

  it('dns.promises.lookup of the live host fails with the refusal code', async () => {
    await expect(dns.promises.lookup('API.alpaca.markets.')).rejects.toMatchObject({ code: 'ERR_OPENBELL_LIVE_HOST_REFUSED' })
  })

  it('keeps user info and secret-looking query values out of the record', async () => {
    // @note fetch itself refuses a URL with credentials, so this goes through node:https.
    const url = 'https://user:pw@api.alpaca.markets/v2?api_key=k1&symbol=AAPL'
    const violation = await refusedBy(() => send((callback) => https.get(url, callback)))
    // @note the interceptor moves user info into an Authorization header, which is never read.
    expect(violation.url).toBe('https://api.alpaca.markets/v2?api_key=%5Bredacted%5D&symbol=AAPL')
  })

  it('appends every violation to the file as NDJSON, owner-only, without headers', () => {
    const recorded = readViolationsFrom(violationsFile)
    expect(recorded).toEqual(guard.violations())
    const text = readFileSync(violationsFile, 'utf8')
    expect(text).not.toMatch(/sekrit|APCA-API|pw@/)
    expect(statSync(violationsFile).mode & 0o777).toBe(0o600)
  })
})

describe('everything else passes through untouched', () => {
  it('global fetch to a loopback server', async () => {
    const response = await fetch(loopbackUrl)
    expect(await response.text()).toBe('loopback ok')
  })

  it('node:http get to a loopback server', async () => {
    await expect(send((callback) => get(loopbackUrl, callback))).resolves.toBe(200)
  })

  it('a DNS lookup of localhost', async () => {
    await expect(dns.promises.lookup('localhost')).resolves.toMatchObject({ address: expect.any(String) })
  })
})

describe('installing twice', () => {
  it('shares one interception, reports to both, and keeps guarding until the last handle closes', async () => {
    const seenBySecond: LiveHostViolation[] = []
    const second = installNetworkGuard({ onViolation: (violation) => seenBySecond.push(violation) })
    const lookupWhileGuarded = dns.lookup
    await expect(fetch('https://api.alpaca.markets/v2/assets')).rejects.toThrow()
    expect(second.violations()).toHaveLength(1)
    expect(seenBySecond).toEqual(second.violations())
    expect(guard.violations().at(-1)).toEqual(seenBySecond[0])
    second.close()
    second.close()
    expect(dns.lookup).toBe(lookupWhileGuarded)
    await refusedBy(() => fetch('https://api.alpaca.markets/v2/assets'))
    expect(second.violations()).toHaveLength(1)
  })
})
