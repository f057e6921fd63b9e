import { describe, expect, it } from 'vitest'
import { isNyseMarketHours } from './nyse-market-hours.ts'

describe('isNyseMarketHours', () => {
  it.each([
    ['2026-01-14T14:29:59.999Z', false, 'Wednesday 09:29:59.999 EST'],
    ['2026-01-14T14:30:00.000Z', true, 'Wednesday 09:30 EST, the open'],
    ['2026-01-14T21:00:00.000Z', true, 'Wednesday 16:00 EST, close inclusive'],
    ['2026-01-14T21:00:00.001Z', false, 'just after the close'],
    ['2026-07-15T13:30:00.000Z', true, 'Wednesday 09:30 EDT'],
    ['2026-07-15T14:29:00.000Z', true, '10:29 EDT'],
    ['2026-01-17T15:00:00.000Z', false, 'Saturday'],
    ['2026-01-19T15:00:00.000Z', true, 'MLK day, a holiday the code ignores'],
  ])('%s → %s (%s)', (iso, open) => {
    expect(isNyseMarketHours(new Date(iso))).toBe(open)
  })
})
