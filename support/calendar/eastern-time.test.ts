import { describe, expect, it } from 'vitest'
import { addDays, dayOfWeek, easternDate, easternInstant, formatEastern } from './eastern-time.ts'

describe('easternInstant', () => {
  it.each([
    { date: '2026-01-15', time: '09:30', utc: '2026-01-15T14:30:00.000Z' },
    { date: '2026-07-15', time: '09:30', utc: '2026-07-15T13:30:00.000Z' },
    { date: '2026-03-09', time: '09:30', utc: '2026-03-09T13:30:00.000Z' },
    { date: '2026-03-06', time: '16:00', utc: '2026-03-06T21:00:00.000Z' },
    { date: '2026-11-02', time: '09:30', utc: '2026-11-02T14:30:00.000Z' },
    { date: '2026-10-30', time: '13:00', utc: '2026-10-30T17:00:00.000Z' },
  ])('$date $time New York is $utc', ({ date, time, utc }) => {
    expect(easternInstant(date, time).toISOString()).toBe(utc)
  })
})

describe('formatEastern', () => {
  it.each([
    { instant: '2026-03-02T14:30:00.000Z', text: '2026-03-02T09:30:00-05:00', milliseconds: false },
    { instant: '2026-07-01T20:00:00.000Z', text: '2026-07-01T16:00:00-04:00', milliseconds: false },
    { instant: '2026-03-02T15:15:07.250Z', text: '2026-03-02T10:15:07.250-05:00', milliseconds: true },
    { instant: '2026-03-03T04:30:00.000Z', text: '2026-03-02T23:30:00-05:00', milliseconds: false },
  ])('$instant → $text', ({ instant, text, milliseconds }) => {
    expect(formatEastern(new Date(instant), { milliseconds })).toBe(text)
  })

  it('round-trips through Date.parse', () => {
    const instant = new Date('2026-06-15T18:45:12.345Z')
    expect(Date.parse(formatEastern(instant, { milliseconds: true }))).toBe(instant.getTime())
  })
})

describe('calendar arithmetic', () => {
  it('takes the New York date, not the UTC date', () => {
    expect(easternDate(new Date('2026-03-03T03:00:00Z'))).toBe('2026-03-02')
  })

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-03-02')).toBe(1)
    expect(dayOfWeek('2026-03-07')).toBe(6)
  })
})
