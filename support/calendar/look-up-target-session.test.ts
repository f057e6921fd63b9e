import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import type { CalendarAuthority } from './calendar-authority.ts'
import { lookUpTargetSession } from './look-up-target-session.ts'
import { createShippedCalendarAuthority } from './shipped-calendar-authority.ts'

const shipped = createShippedCalendarAuthority()

describe('lookUpTargetSession without --session: the next NYSE session', () => {
  it.each([
    { when: 'Wednesday before the open', now: '2026-01-14T13:00:00Z', date: '2026-01-14' },
    { when: 'Wednesday during the session', now: '2026-01-14T16:00:00Z', date: '2026-01-14' },
    { when: 'Wednesday after the close', now: '2026-01-14T21:30:00Z', date: '2026-01-15' },
    { when: 'Wednesday 23:30 New York (already Thursday in UTC)', now: '2026-01-15T04:30:00Z', date: '2026-01-15' },
    { when: 'Friday after the close', now: '2026-01-16T22:00:00Z', date: '2026-01-20' },
    { when: 'the evening before Thanksgiving', now: '2026-11-25T23:00:00Z', date: '2026-11-27' },
    { when: 'Christmas Eve after its early close', now: '2026-12-24T18:30:00Z', date: '2026-12-28' },
    { when: 'the evening before Independence Day observed (summer time)', now: '2026-07-02T20:30:00Z', date: '2026-07-06' },
  ])('$when ($now) → $date', async ({ now, date }) => {
    const lookup = await lookUpTargetSession(shipped, null, new Date(now))
    expect(lookup).toMatchObject({ date, defaulted: true, judgement: { status: 'pass' } })
  })

  it('cannot default after the last covered session', async () => {
    const lookup = await lookUpTargetSession(shipped, null, new Date('2027-12-31T22:00:00Z'))
    expect(lookup).toEqual({
      date: null,
      defaulted: true,
      judgement: {
        status: 'unverified',
        reason: `the calendar lists no NYSE session closing after 2027-12-31T22:00:00.000Z up to 2028-01-10 (authority: ${shipped.source})`,
        session: null,
        nextSession: null,
        findings: [],
      },
    })
  })
})

describe('lookUpTargetSession with --session', () => {
  const now = new Date('2026-01-13T15:00:00Z')

  it.each([
    { session: '2026-01-14', status: 'pass', reason: '2026-01-14 is an NYSE trading day (09:30–16:00 New York time)' },
    { session: '2026-12-25', status: 'fail', reason: '2026-12-25 is not an NYSE trading day: NYSE is closed for Christmas Day (next session: 2026-12-28)' },
    { session: '2026-01-17', status: 'fail', reason: '2026-01-17 is not an NYSE trading day: it is a Saturday (next session: 2026-01-20)' },
    { session: '2026-01-19', status: 'fail', reason: '2026-01-19 is not an NYSE trading day: NYSE is closed for Martin Luther King, Jr. Day (next session: 2026-01-20)' },
  ])('$session → $status', async ({ session, status, reason }) => {
    expect(await lookUpTargetSession(shipped, session, now)).toMatchObject({ date: session, defaulted: false, judgement: { status, reason } })
  })

  it('is a could-not-check outside the shipped calendar', async () => {
    await expect(lookUpTargetSession(shipped, '2028-01-03', now)).rejects.toThrow(CouldNotCheckError)
  })

  it('is unverified, naming the authority, when an authority lists nothing for the date', async () => {
    const silent: CalendarAuthority = { name: 'alpaca-paper-calendar', source: 'test', sessions: async () => [], closureName: () => undefined }
    expect((await lookUpTargetSession(silent, '2031-01-02', now)).judgement).toMatchObject({
      status: 'unverified',
      reason: 'the calendar lists no NYSE session from 2031-01-02 to 2031-01-12, so it does not cover 2031-01-02 (authority: test)',
    })
  })
})
