import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { checkSessionWindow } from './check-session-window.ts'

/** 2026-12-02 03:00 UTC is still 2026-12-01 in New York: the window follows New York dates. */
const NOW = new Date('2026-12-02T03:00:00Z')
const NONE = { past: false, future: false }

describe('the --session window: today to today + 7 days, New York dates', () => {
  it.each(['2026-12-01', '2026-12-08'])('accepts %s', (session) => {
    expect(checkSessionWindow(session, NOW, NONE)).toBeNull()
  })

  it.each([
    ['2026-11-30', 'is before today (2026-12-01 in New York)'],
    ['2026-12-09', 'is more than 7 days after today (2026-12-01 in New York; the latest is 2026-12-08)'],
  ])('refuses %s', (session, message) => {
    expect(() => checkSessionWindow(session, NOW, NONE)).toThrow(UsageError)
    expect(() => checkSessionWindow(session, NOW, NONE)).toThrow(message)
  })

  it('lets a replay or a far session through with its flag, and says which', () => {
    expect(checkSessionWindow('2026-01-05', NOW, { past: true, future: false })).toBe('--allow-past-session')
    expect(checkSessionWindow('2027-06-01', NOW, { past: false, future: true })).toBe('--allow-future-session')
    expect(() => checkSessionWindow('2027-06-01', NOW, { past: true, future: false })).toThrow(UsageError)
  })
})
