/**
 * The Alpaca stand-in serves its own recorded calendar and its own New York time, so that a bug in openbell's
 * calendar code is not agreed with by the stand-in. Here the two must agree, day by day and instant by instant,
 * over every year the recording covers: a difference is a bug in one of them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeMarketClock } from '../../emulators/alpaca/market-clock.ts'
import { formatNewYork, newYorkDate, newYorkInstant } from '../../emulators/alpaca/new-york-time.ts'
import { loadPaperCalendar } from '../../emulators/alpaca/paper-calendar.ts'
import { addDays, easternDate, easternInstant, formatEastern, loadNyseCalendar } from '../../support/calendar/index.ts'

const recorded = loadPaperCalendar()
const shipped = loadNyseCalendar()

/** Alpaca's clock as openbell's own calendar would compute it. */
function clockFromShipped(now: Date) {
  const today = easternDate(now)
  const session = shipped.session(today)
  const isOpen = session !== undefined && now >= session.openAt && now < session.closeAt
  const next = session !== undefined && now < session.openAt ? session : shipped.nextSession(today)
  return {
    timestamp: formatEastern(now, { milliseconds: true }),
    is_open: isOpen,
    next_open: formatEastern(next.openAt),
    next_close: formatEastern((isOpen ? session : next).closeAt),
  }
}

describe('the Alpaca stand-in’s recorded calendar and openbell’s NYSE calendar', () => {
  it('cover the same dates', () => {
    expect(recorded.coverage).toEqual(shipped.coverage)
  })

  it('list the same trading days, hours and settlement dates, every day of the coverage', () => {
    const differences: string[] = []
    for (let date = shipped.coverage.start; date <= shipped.coverage.end; date = addDays(date, 1)) {
      const session = shipped.session(date)
      const expected = session && {
        date,
        open: session.open,
        close: session.close,
        session_open: session.sessionOpen,
        session_close: session.sessionClose,
        settlement_date: shipped.nextBusinessDay(date),
      }
      const actual = recorded.day(date)
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`${date}: stand-in ${JSON.stringify(actual)}, openbell ${JSON.stringify(expected)}`)
    }
    expect(differences).toEqual([])
  })

  it('place each open and close at the same instant', () => {
    for (const day of recorded.days(recorded.coverage.start, recorded.coverage.end)) {
      expect(newYorkInstant(day.date, day.open)).toEqual(easternInstant(day.date, day.open))
      expect(newYorkInstant(day.date, day.close)).toEqual(easternInstant(day.date, day.close))
    }
  })

  it('tell the same New York time and the same clock at any instant of the coverage', () => {
    const instants = fc.oneof(
      fc.date({ min: new Date('2025-01-01T05:00:00Z'), max: new Date('2027-12-31T04:59:59Z'), noInvalidDate: true }),
      // around the DST changes, the open and the close
      fc.constantFrom('2025-03-09T06:59:59Z', '2025-03-09T07:00:00Z', '2025-11-02T05:59:59Z', '2025-11-02T06:00:00Z', '2026-03-09T13:30:00Z', '2026-11-27T18:00:00Z').map((at) => new Date(at)),
    )
    fc.assert(
      fc.property(instants, (now) => {
        expect(newYorkDate(now)).toBe(easternDate(now))
        expect(formatNewYork(now)).toBe(formatEastern(now))
        expect(computeMarketClock(now, recorded)).toEqual(clockFromShipped(now))
      }),
      { numRuns: 2_000 },
    )
  })
})
