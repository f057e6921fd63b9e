import type { TradingSession } from './nyse-calendar.ts'

/** Who answered a trading-day question; a stable vocabulary recorded in the report. */
export type CalendarAuthorityName = 'alpaca-paper-calendar' | 'shipped-nyse-calendar'

/** A source of NYSE sessions that the session gate asks; built by `chooseCalendarAuthority`. */
export interface CalendarAuthority {
  /** Which authority this is. */
  readonly name: CalendarAuthorityName
  /** What answers, for the report: the API endpoint, or the calendar file and its coverage. */
  readonly source: string
  /**
   * The sessions from `start` to `end` (`YYYY-MM-DD`, inclusive) that the authority knows, oldest first.
   * @throws CouldNotCheckError when it cannot answer for `start` (outside its coverage, unreachable, refused).
   */
  sessions(start: string, end: string): Promise<TradingSession[]>
  /** The name of the closure on a date (`Christmas Day`), when the authority names closures. */
  closureName(date: string): string | undefined
}
