import { describe, expect, it } from 'vitest'
import { chooseCalendarAuthority } from './choose-calendar-authority.ts'

describe('chooseCalendarAuthority', () => {
  it.each([
    { env: { APCA_API_KEY_ID: 'PK1', APCA_API_SECRET_KEY: 's1' }, name: 'alpaca-paper-calendar' },
    { env: { APCA_API_KEY_ID: 'PK1' }, name: 'shipped-nyse-calendar' },
    { env: { APCA_API_KEY_ID: 'PK1', APCA_API_SECRET_KEY: ' ' }, name: 'shipped-nyse-calendar' },
    { env: {}, name: 'shipped-nyse-calendar' },
  ])('$env → $name', ({ env, name }) => {
    expect(chooseCalendarAuthority({ env }).name).toBe(name)
  })

  it("names Alpaca's closures from the shipped calendar", () => {
    const authority = chooseCalendarAuthority({ env: { APCA_API_KEY_ID: 'PK1', APCA_API_SECRET_KEY: 's1' } })
    expect(authority.closureName('2026-12-25')).toBe('Christmas Day')
  })
})
