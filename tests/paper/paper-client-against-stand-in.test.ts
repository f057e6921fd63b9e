/**
 * openbell's paper-only Alpaca client against the Alpaca paper stand-in, through the live-host guard:
 * the shapes the stand-in serves are the shapes SDK 4.0.2 parses, and nothing trips the guard.
 */
import { http } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuthError, NotFoundError } from '@alpacahq/alpaca-trade-api'
import { createAlpacaPaperHandlers } from '../../emulators/alpaca/index.ts'
import { createPaperAlpacaClient } from '../../support/alpaca/alpaca-client.ts'
import { installNetworkGuard, type NetworkGuard } from '../../support/guard/index.ts'

const ENV = { APCA_API_KEY_ID: 'PKSTANDIN0001', APCA_API_SECRET_KEY: 'standin-secret-0001' }
const NOW = new Date('2026-03-02T15:00:00Z')
const reached: string[] = []
let guard: NetworkGuard

beforeAll(() => {
  guard = installNetworkGuard({ onViolation: () => {} })
  guard.use(...createAlpacaPaperHandlers({ now: () => NOW }))
  // @note newest first: this recorder sees every request the guard let through, before the stand-in answers it.
  guard.use(http.all('*', ({ request }) => void reached.push(`${request.method} ${request.url}`)))
})

afterAll(() => guard.close())

describe('the paper client reads the stand-in with SDK 4.0.2', () => {
  const client = createPaperAlpacaClient({ env: ENV })

  it('trading.account.getAccount() parses an active account', async () => {
    const account = await client.trading.account.getAccount()
    expect(account).toMatchObject({ status: 'ACTIVE', currency: 'USD', tradingBlocked: false, accountNumber: 'PA3OPENBELL1', cash: '100000' })
    expect(account.createdAt).toBeInstanceOf(Date)
  })

  it('trading.clock.legacyClock() parses GET /v2/clock', async () => {
    await expect(client.trading.clock.legacyClock()).resolves.toEqual({
      isOpen: true,
      timestamp: NOW,
      nextOpen: new Date('2026-03-03T14:30:00Z'),
      nextClose: new Date('2026-03-02T21:00:00Z'),
    })
  })

  it('trading.calendar.legacyCalendar() parses trading days around Good Friday', async () => {
    const days = await client.trading.calendar.legacyCalendar({ start: new Date('2026-04-02'), end: new Date('2026-04-06') })
    expect(days.map((day) => [day.date.toISOString().slice(0, 10), day.open, day.close])).toEqual([
      ['2026-04-02', '09:30', '16:00'],
      ['2026-04-06', '09:30', '16:00'],
    ])
  })

  it('trading.orders.getAllOrders() parses an empty list', async () => {
    await expect(client.trading.orders.getAllOrders({ status: 'open' })).resolves.toEqual([])
  })

  it('the v3 clock (trading.clock.clock()) is not served: NotFoundError, not a guess', async () => {
    await expect(client.trading.clock.clock()).rejects.toBeInstanceOf(NotFoundError)
  })

  it('a wrong key pair is a 401 AuthError', async () => {
    const strict = installNetworkGuard({ onViolation: () => {} })
    strict.use(...createAlpacaPaperHandlers({ now: () => NOW, credentials: { keyId: 'PKOTHER', secret: 'other' } }))
    try {
      await expect(client.trading.account.getAccount()).rejects.toBeInstanceOf(AuthError)
    } finally {
      strict.close()
    }
  })

  it('every request reached msw on the paper host, and none tripped the guard', () => {
    // @note the 401 case is answered by the second handle's stand-in, which sits in front of this recorder.
    expect(reached).toEqual([
      'GET https://paper-api.alpaca.markets/v2/account',
      'GET https://paper-api.alpaca.markets/v2/clock',
      'GET https://paper-api.alpaca.markets/v2/calendar?start=2026-04-02T00%3A00%3A00.000Z&end=2026-04-06T00%3A00%3A00.000Z',
      'GET https://paper-api.alpaca.markets/v2/orders?status=open',
      'GET https://paper-api.alpaca.markets/v3/clock',
    ])
    expect(guard.violations()).toEqual([])
  })
})
