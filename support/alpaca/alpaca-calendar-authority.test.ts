import { describe, expect, it, vi } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { createAlpacaCalendarAuthority } from './alpaca-calendar-authority.ts'

const ENV = { APCA_API_KEY_ID: 'PKCALENDAR0001', APCA_API_SECRET_KEY: 'calendar-secret-0001' }
const day = (date: string, close = '16:00') => ({ date, open: '09:30', close, session_open: '0400', session_close: close === '16:00' ? '2000' : '1700', settlement_date: date })

function calendarFetch(body: unknown, status = 200) {
  return vi.fn(async (_url: string, _init?: RequestInit) => Response.json(body, { status }))
}

describe('createAlpacaCalendarAuthority', () => {
  it('asks the paper host for the range, at noon UTC so either time zone reads the same date', async () => {
    const fetch = calendarFetch([day('2026-12-24', '13:00'), day('2026-12-28')])
    const authority = createAlpacaCalendarAuthority({ env: ENV, fetch })
    const sessions = await authority.sessions('2026-12-24', '2027-01-03')
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'https://paper-api.alpaca.markets/v2/calendar?start=2026-12-24T12%3A00%3A00.000Z&end=2027-01-03T12%3A00%3A00.000Z',
    )
    expect(sessions.map(({ date, close, earlyClose, openAt, closeAt }) => ({ date, close, earlyClose, openAt: openAt.toISOString(), closeAt: closeAt.toISOString() }))).toEqual([
      { date: '2026-12-24', close: '13:00', earlyClose: true, openAt: '2026-12-24T14:30:00.000Z', closeAt: '2026-12-24T18:00:00.000Z' },
      { date: '2026-12-28', close: '16:00', earlyClose: false, openAt: '2026-12-28T14:30:00.000Z', closeAt: '2026-12-28T21:00:00.000Z' },
    ])
    expect([authority.name, authority.source, authority.closureName('2026-12-25')]).toEqual([
      'alpaca-paper-calendar',
      'GET https://paper-api.alpaca.markets/v2/calendar',
      undefined,
    ])
  })

  it('keeps only the days of the range asked for, oldest first', async () => {
    const authority = createAlpacaCalendarAuthority({ env: ENV, fetch: calendarFetch([day('2026-03-03'), day('2026-03-02'), day('2026-02-27')]) })
    expect((await authority.sessions('2026-03-02', '2026-03-12')).map((session) => session.date)).toEqual(['2026-03-02', '2026-03-03'])
  })

  it('turns a refusal into a could-not-check that names the call and what to do', async () => {
    const authority = createAlpacaCalendarAuthority({ env: ENV, fetch: calendarFetch({ code: 40110000, message: 'request is not authorized' }, 401) })
    const failure = authority.sessions('2026-03-02', '2026-03-12')
    await expect(failure).rejects.toThrow(CouldNotCheckError)
    await expect(failure).rejects.toThrow(
      '[openbell] GET https://paper-api.alpaca.markets/v2/calendar?start=2026-03-02&end=2026-03-12 answered 401: request is not authorized. ' +
        'Check the paper key pair (APCA_API_KEY_ID, APCA_API_SECRET_KEY), or unset both to use the shipped NYSE calendar.',
    )
  })

  it('turns a network failure into a could-not-check, never a secret', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed')
    })
    const failure = createAlpacaCalendarAuthority({ env: ENV, fetch }).sessions('2026-03-02', '2026-03-12')
    await expect(failure).rejects.toThrow(CouldNotCheckError)
    await expect(failure).rejects.not.toThrow(/PKCALENDAR0001|calendar-secret-0001/)
  })

  it('never sends anywhere but the paper host', () => {
    expect(() => createAlpacaCalendarAuthority({ env: { ...ENV, APCA_API_BASE_URL: 'https://api.alpaca.markets' } })).toThrow(/live-host/)
  })
})
