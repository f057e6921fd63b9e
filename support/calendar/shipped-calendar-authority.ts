import path from 'node:path'
import type { CalendarAuthority } from './calendar-authority.ts'
import type { NyseCalendarData } from './nyse-calendar-schema.ts'
import { createMarketCalendar, loadNyseCalendarData, NYSE_CALENDAR_FILE } from './nyse-calendar.ts'

/**
 * The calendar openbell ships (`fixtures/alpaca/nyse-calendar-2025-2027.json`) as an authority: a start date outside
 * its coverage is a could-not-check; an end past it is clipped, so a question near the edge gets fewer sessions, never
 * invented ones.
 */
export function createShippedCalendarAuthority(file: string = NYSE_CALENDAR_FILE, data?: NyseCalendarData): CalendarAuthority {
  const loaded = data ?? loadNyseCalendarData(file)
  const calendar = createMarketCalendar(loaded)
  const names = new Map(loaded.closures.map((closure) => [closure.date, closure.name]))
  const { start: first, end: last } = calendar.coverage
  return {
    name: 'shipped-nyse-calendar',
    source: `${path.basename(file)} (covers ${first}..${last})`,
    async sessions(start, end) {
      // @note session() throws CouldNotCheckError for a date outside the coverage, with the next step in its message.
      calendar.session(start)
      return calendar.sessions(start, end)
    },
    closureName: (date) => names.get(date),
  }
}
