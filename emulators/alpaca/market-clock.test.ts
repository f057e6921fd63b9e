import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../../support/errors.ts'
import { computeMarketClock } from './market-clock.ts'
import { loadPaperCalendar } from './paper-calendar.ts'

const calendar = loadPaperCalendar()

describe('computeMarketClock', () => {
  it.each([
    { when: 'Monday mid-morning', now: '2026-03-02T15:00:00Z', open: true, nextOpen: '2026-03-03T09:30:00-05:00', nextClose: '2026-03-02T16:00:00-05:00' },
    { when: 'a second before the open', now: '2026-03-02T14:29:59Z', open: false, nextOpen: '2026-03-02T09:30:00-05:00', nextClose: '2026-03-02T16:00:00-05:00' },
    { when: 'at the open', now: '2026-03-02T14:30:00Z', open: true, nextOpen: '2026-03-03T09:30:00-05:00', nextClose: '2026-03-02T16:00:00-05:00' },
    { when: 'at the close', now: '2026-03-02T21:00:00Z', open: false, nextOpen: '2026-03-03T09:30:00-05:00', nextClose: '2026-03-03T16:00:00-05:00' },
    { when: 'Friday evening before the DST change', now: '2026-03-06T22:00:00Z', open: false, nextOpen: '2026-03-09T09:30:00-04:00', nextClose: '2026-03-09T16:00:00-04:00' },
    { when: 'Saturday', now: '2026-03-07T15:00:00Z', open: false, nextOpen: '2026-03-09T09:30:00-04:00', nextClose: '2026-03-09T16:00:00-04:00' },
    { when: 'Good Friday', now: '2026-04-03T14:00:00Z', open: false, nextOpen: '2026-04-06T09:30:00-04:00', nextClose: '2026-04-06T16:00:00-04:00' },
    { when: 'a minute before an early close', now: '2026-11-27T17:59:00Z', open: true, nextOpen: '2026-11-30T09:30:00-05:00', nextClose: '2026-11-27T13:00:00-05:00' },
    { when: 'at an early close', now: '2026-11-27T18:00:00Z', open: false, nextOpen: '2026-11-30T09:30:00-05:00', nextClose: '2026-11-30T16:00:00-05:00' },
    { when: 'Christmas Eve afternoon', now: '2026-12-24T19:00:00Z', open: false, nextOpen: '2026-12-28T09:30:00-05:00', nextClose: '2026-12-28T16:00:00-05:00' },
  ])('$when ($now): open=$open', ({ now, open, nextOpen, nextClose }) => {
    expect(computeMarketClock(new Date(now), calendar)).toMatchObject({ is_open: open, next_open: nextOpen, next_close: nextClose })
  })

  it('stamps now in New York time with milliseconds', () => {
    expect(computeMarketClock(new Date('2026-03-02T15:00:00.125Z'), calendar).timestamp).toBe('2026-03-02T10:00:00.125-05:00')
  })

  it('cannot answer after the last covered session', () => {
    expect(() => computeMarketClock(new Date('2027-12-31T22:00:00Z'), calendar)).toThrow(CouldNotCheckError)
  })
})
