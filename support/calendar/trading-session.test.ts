import { describe, expect, it } from 'vitest'
import { loadNyseCalendar } from './nyse-calendar.ts'
import { judgeTradingDay, pickNextSession, sessionLookupRange } from './trading-session.ts'

const calendar = loadNyseCalendar()
const sessionsFrom = (date: string) => {
  const { start, end } = sessionLookupRange(date)
  return calendar.sessions(start, end)
}

describe('sessionLookupRange', () => {
  it('asks ten days ahead', () => {
    expect(sessionLookupRange('2026-12-25')).toEqual({ start: '2026-12-25', end: '2027-01-04' })
  })
})

describe('pickNextSession', () => {
  it.each([
    { when: 'Monday before the open', now: '2026-03-02T12:00:00Z', session: '2026-03-02' },
    { when: 'Monday during the session', now: '2026-03-02T18:00:00Z', session: '2026-03-02' },
    { when: 'Monday at the close', now: '2026-03-02T21:00:00Z', session: '2026-03-03' },
    { when: 'Friday evening', now: '2026-03-06T23:00:00Z', session: '2026-03-09' },
    { when: 'Saturday', now: '2026-03-07T15:00:00Z', session: '2026-03-09' },
    { when: 'the evening before Good Friday', now: '2026-04-02T22:00:00Z', session: '2026-04-06' },
    { when: 'after an early close', now: '2026-11-27T18:30:00Z', session: '2026-11-30' },
  ])('$when ($now) → $session', ({ now, session }) => {
    const today = now.slice(0, 10)
    expect(pickNextSession(new Date(now), sessionsFrom(today))?.date).toBe(session)
  })

  it('is null when no listed session is still ahead', () => {
    expect(pickNextSession(new Date('2027-12-31T22:00:00Z'), calendar.sessions('2027-12-31', '2027-12-31'))).toBeNull()
  })
})

describe('judgeTradingDay', () => {
  it.each([
    { date: '2026-01-14', status: 'pass', reason: '2026-01-14 is an NYSE trading day (09:30–16:00 New York time)' },
    { date: '2026-11-27', status: 'pass', reason: '2026-11-27 is an NYSE trading day (09:30–13:00 New York time, an early close)' },
    { date: '2026-12-25', status: 'fail', reason: '2026-12-25 is not an NYSE trading day: NYSE is closed for Christmas Day (next session: 2026-12-28)', name: 'Christmas Day' },
    { date: '2026-04-03', status: 'fail', reason: '2026-04-03 is not an NYSE trading day: NYSE is closed that day (a holiday) (next session: 2026-04-06)' },
    { date: '2026-03-07', status: 'fail', reason: '2026-03-07 is not an NYSE trading day: it is a Saturday (next session: 2026-03-09)' },
    { date: '2026-03-08', status: 'fail', reason: '2026-03-08 is not an NYSE trading day: it is a Sunday (next session: 2026-03-09)' },
  ])('$date → $status', ({ date, status, reason, name }) => {
    expect(judgeTradingDay(date, sessionsFrom(date), name)).toMatchObject({ status, reason })
  })

  it('cannot tell from a calendar that lists nothing from the date on', () => {
    expect(judgeTradingDay('2030-01-02', [])).toEqual({
      status: 'unverified',
      reason: 'the calendar lists no NYSE session from 2030-01-02 to 2030-01-12, so it does not cover 2030-01-02',
      session: null,
      nextSession: null,
      findings: [],
    })
  })

  it('ignores sessions before the date', () => {
    expect(judgeTradingDay('2026-03-07', calendar.sessions('2026-03-02', '2026-03-06')).status).toBe('unverified')
  })
})
