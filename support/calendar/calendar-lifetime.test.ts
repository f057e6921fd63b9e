import { describe, expect, it } from 'vitest'
import { loadNyseCalendar, NYSE_CALENDAR_FILE } from './nyse-calendar.ts'

/**
 * Issue 18: the shipped NYSE calendar has a last day. A quarter ahead, every harness run prints a warning; once the
 * day has passed, this test fails. Failing earlier would turn CI red for three months over a file that is still
 * right, and a red CI that everyone learns to ignore hides real failures; once it has run out, a pre-open run that
 * cannot reach Alpaca's calendar is NO-GO (could not check), so CI must say so first.
 */
const WARN_DAYS = 90
const HOW_TO_EXTEND =
  `add the next year's closures and early closes from NYSE Group's announcement to ${NYSE_CALENDAR_FILE}, widen ` +
  '"coverage.end", add the announcement to "sources", and run `npx vitest run support/calendar` (README "Extending the NYSE calendar").'

/** Whole days from `today` (UTC date) to the calendar's last covered day; negative once it has passed. */
function daysLeft(lastDay: string, today: Date): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(today.toISOString().slice(0, 10))) / 86_400_000)
}

/** What to say about a calendar that ends on `lastDay`, or nothing while it has more than a quarter left. */
function lifetimeNotice(lastDay: string, today: Date): { level: 'warn' | 'fail'; message: string } | undefined {
  const left = daysLeft(lastDay, today)
  if (left < 0) return { level: 'fail', message: `[openbell] the shipped NYSE calendar ran out on ${lastDay}: ${HOW_TO_EXTEND}` }
  if (left <= WARN_DAYS) return { level: 'warn', message: `[openbell] the shipped NYSE calendar runs out in ${left} days (${lastDay}): ${HOW_TO_EXTEND}` }
  return undefined
}

describe('the shipped NYSE calendar lifetime', () => {
  const { end } = loadNyseCalendar().coverage

  it('still covers today, and warns a quarter before it runs out', () => {
    const notice = lifetimeNotice(end, new Date())
    if (notice?.level === 'warn') console.warn(notice.message)
    expect(notice?.level, notice?.message).not.toBe('fail')
  })

  it.each([
    { today: '2027-10-01', level: undefined },
    { today: '2027-10-02', level: 'warn' },
    { today: '2027-12-31', level: 'warn' },
    { today: '2028-01-01', level: 'fail' },
  ])('on $today says $level for a calendar ending 2027-12-31', ({ today, level }) => {
    const notice = lifetimeNotice('2027-12-31', new Date(`${today}T15:00:00Z`))
    expect(notice?.level).toBe(level)
    if (notice) expect(notice.message).toContain('coverage.end')
  })
})
