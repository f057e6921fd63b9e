import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { loadNyseCalendar, NYSE_CALENDAR_FILE } from './nyse-calendar.ts'
import { NYSE_CALENDAR_SCHEMA } from './nyse-calendar-schema.ts'

const calendar = loadNyseCalendar()
const data = NYSE_CALENDAR_SCHEMA.parse(JSON.parse(readFileSync(NYSE_CALENDAR_FILE, 'utf8')))

describe('the shipped NYSE calendar', () => {
  it.each([
    { year: '2025', days: 250 },
    { year: '2026', days: 251 },
    { year: '2027', days: 251 },
  ])('$year has $days trading days', ({ year, days }) => {
    expect(calendar.sessions(`${year}-01-01`, `${year}-12-31`)).toHaveLength(days)
  })

  it.each(data.closures)('is closed on $date ($name)', ({ date }) => {
    expect(calendar.session(date)).toBeUndefined()
  })

  it.each(data.earlyCloses)('closes at 13:00 on $date ($name)', ({ date }) => {
    expect(calendar.session(date)).toMatchObject({ close: '13:00', sessionClose: '1700', earlyClose: true })
  })

  it('lists every closure on a weekday, once', () => {
    const dates = data.closures.map((closure) => closure.date)
    expect(new Set(dates).size).toBe(dates.length)
    for (const date of dates) expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay())
  })

  it('gives a regular day its times as Alpaca writes them', () => {
    expect(calendar.session('2026-03-02')).toEqual({
      date: '2026-03-02',
      open: '09:30',
      close: '16:00',
      sessionOpen: '0400',
      sessionClose: '2000',
      openAt: new Date('2026-03-02T14:30:00Z'),
      closeAt: new Date('2026-03-02T21:00:00Z'),
      earlyClose: false,
    })
  })

  it('has no session on a weekend', () => {
    expect(calendar.session('2026-03-07')).toBeUndefined()
    expect(calendar.session('2026-03-08')).toBeUndefined()
  })

  it('steps over weekends and holidays', () => {
    expect(calendar.nextSession('2026-04-02').date).toBe('2026-04-06')
    expect(calendar.previousSession('2026-04-06').date).toBe('2026-04-02')
    expect(calendar.nextBusinessDay('2027-12-31')).toBe('2028-01-03')
  })

  it('clips a range to its coverage', () => {
    expect(calendar.sessions('2024-12-20', '2025-01-03').map((session) => session.date)).toEqual(['2025-01-02', '2025-01-03'])
  })

  it('says it cannot answer outside its coverage', () => {
    expect(() => calendar.session('2028-01-03')).toThrow(CouldNotCheckError)
    expect(() => calendar.nextSession('2027-12-31')).toThrow(
      '[openbell] the market calendar covers 2025-01-01..2027-12-31, and 2028-01-01 is outside it.',
    )
  })
})
