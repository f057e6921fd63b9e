import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createAlpacaPaperHandlers } from './alpaca-paper-handlers.ts'

const KEYS = { 'APCA-API-KEY-ID': 'PKSTANDIN', 'APCA-API-SECRET-KEY': 'standin-secret' }
const NOW = new Date('2026-03-02T15:00:00Z')
const handlers = createAlpacaPaperHandlers({ now: () => NOW })

async function answer(path: string, init: RequestInit = { headers: KEYS }, using = handlers) {
  const response = await getResponse(using, new Request(`https://paper-api.alpaca.markets${path}`, init))
  if (response === undefined) throw new Error(`no handler answered ${path}`)
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('the Alpaca paper stand-in', () => {
  it('serves an active account', async () => {
    const { status, body } = await answer('/v2/account')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ACTIVE', currency: 'USD', trading_blocked: false, pattern_day_trader: false, cash: '100000' })
  })

  it('serves account overrides as data', async () => {
    const blocked = createAlpacaPaperHandlers({ now: () => NOW, account: { trading_blocked: true } })
    await expect(answer('/v2/account', { headers: KEYS }, blocked)).resolves.toMatchObject({ body: { trading_blocked: true } })
  })

  it('serves the clock from the injected time', async () => {
    await expect(answer('/v2/clock')).resolves.toEqual({
      status: 200,
      body: { timestamp: '2026-03-02T10:00:00.000-05:00', is_open: true, next_open: '2026-03-03T09:30:00-05:00', next_close: '2026-03-02T16:00:00-05:00' },
    })
  })

  it('serves trading days, without weekends and holidays', async () => {
    const { body } = await answer('/v2/calendar?start=2026-04-01&end=2026-04-07')
    expect(body).toEqual([
      { date: '2026-04-01', open: '09:30', close: '16:00', session_open: '0400', session_close: '2000', settlement_date: '2026-04-02' },
      { date: '2026-04-02', open: '09:30', close: '16:00', session_open: '0400', session_close: '2000', settlement_date: '2026-04-06' },
      { date: '2026-04-06', open: '09:30', close: '16:00', session_open: '0400', session_close: '2000', settlement_date: '2026-04-07' },
      { date: '2026-04-07', open: '09:30', close: '16:00', session_open: '0400', session_close: '2000', settlement_date: '2026-04-08' },
    ])
  })

  it('reads RFC 3339 bounds by their date, as the SDK sends them', async () => {
    const { body } = await answer('/v2/calendar?start=2026-11-27T00:00:00.000Z&end=2026-11-27T00:00:00.000Z')
    expect(body).toEqual([{ date: '2026-11-27', open: '09:30', close: '13:00', session_open: '0400', session_close: '1700', settlement_date: '2026-11-30' }])
  })

  it.each(['start=03/02/2026', 'end=tomorrow', 'start=2026-13-45'])('refuses a bad bound (%s) with 400', async (query) => {
    await expect(answer(`/v2/calendar?${query}`)).resolves.toMatchObject({ status: 400, body: { code: 40010001 } })
  })

  it('lists no orders', async () => {
    await expect(answer('/v2/orders?status=all')).resolves.toEqual({ status: 200, body: [] })
  })

  it.each<{ headers: Record<string, string>; why: string }>([
    { headers: {}, why: 'no keys' },
    { headers: { 'APCA-API-KEY-ID': 'PKSTANDIN' }, why: 'no secret' },
    { headers: { 'APCA-API-KEY-ID': ' ', 'APCA-API-SECRET-KEY': 's' }, why: 'a blank key id' },
  ])('answers 401 to $why, like Alpaca', async ({ headers }) => {
    await expect(answer('/v2/account', { headers })).resolves.toEqual({
      status: 401,
      body: { code: 40110000, message: 'request is not authorized' },
    })
  })

  it('accepts only the configured key pair when one is given', async () => {
    const strict = createAlpacaPaperHandlers({ now: () => NOW, credentials: { keyId: 'PKSTANDIN', secret: 'other' } })
    await expect(answer('/v2/account', { headers: KEYS }, strict)).resolves.toMatchObject({ status: 401 })
  })

  it.each(['POST', 'PATCH', 'DELETE', 'PUT'])('answers 403 to %s: the stand-in is read-only', async (method) => {
    await expect(answer('/v2/orders', { method, headers: KEYS })).resolves.toEqual({
      status: 403,
      body: { code: 40310000, message: 'openbell stand-in is read-only' },
    })
  })

  it('answers 404 to any other path, so nothing falls through to the real host', async () => {
    await expect(answer('/v2/positions')).resolves.toMatchObject({ status: 404, body: { code: 40410000 } })
  })

  it('answers 500, saying why, when the clock is outside the calendar', async () => {
    const late = createAlpacaPaperHandlers({ now: () => new Date('2028-06-01T15:00:00Z') })
    const { status, body } = await answer('/v2/clock', { headers: KEYS }, late)
    expect(status).toBe(500)
    expect(body).toMatchObject({ message: expect.stringMatching(/^\[openbell\] the Alpaca stand-in cannot answer: the market calendar covers/) })
  })
})
