import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { createShippedCalendarAuthority } from './shipped-calendar-authority.ts'

const authority = createShippedCalendarAuthority()

describe('createShippedCalendarAuthority', () => {
  it('says what it is and what it covers', () => {
    expect([authority.name, authority.source]).toEqual(['shipped-nyse-calendar', 'nyse-calendar-2025-2027.json (covers 2025-01-01..2027-12-31)'])
  })

  it('lists the sessions of a range', async () => {
    const sessions = await authority.sessions('2026-12-24', '2026-12-29')
    expect(sessions.map((session) => `${session.date} ${session.close}`)).toEqual(['2026-12-24 13:00', '2026-12-28 16:00', '2026-12-29 16:00'])
  })

  it('clips a range that runs past its coverage', async () => {
    expect((await authority.sessions('2027-12-30', '2028-01-09')).map((session) => session.date)).toEqual(['2027-12-30', '2027-12-31'])
  })

  it('cannot answer from a date outside its coverage', async () => {
    await expect(authority.sessions('2028-01-03', '2028-01-13')).rejects.toThrow(CouldNotCheckError)
    await expect(authority.sessions('2024-12-31', '2025-01-10')).rejects.toThrow(
      '[openbell] the market calendar covers 2025-01-01..2027-12-31, and 2024-12-31 is outside it.',
    )
  })

  it('names the closures it lists', () => {
    expect([authority.closureName('2026-12-25'), authority.closureName('2025-01-09'), authority.closureName('2026-03-07')]).toEqual([
      'Christmas Day',
      'National Day of Mourning for President Jimmy Carter',
      undefined,
    ])
  })
})
