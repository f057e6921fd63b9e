import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CouldNotCheckError, UsageError } from '../errors.ts'
import { PROJECT_ROOT } from '../project-paths.ts'
import { addDays, dayOfWeek, easternInstant } from './eastern-time.ts'
import { NYSE_CALENDAR_SCHEMA, type NyseCalendarData } from './nyse-calendar-schema.ts'

/** The NYSE calendar openbell ships: `fixtures/alpaca/nyse-calendar-2025-2027.json`. */
export const NYSE_CALENDAR_FILE = path.join(PROJECT_ROOT, 'fixtures/alpaca/nyse-calendar-2025-2027.json')

/** One trading day, with its times as Alpaca's calendar writes them and as instants. */
export interface TradingSession {
  /** The date, `YYYY-MM-DD`. */
  date: string
  /** Regular open in New York time, `HH:MM`. */
  open: string
  /** Regular close in New York time, `HH:MM` (`13:00` on an early close). */
  close: string
  /** Extended-hours open, `HHMM` as Alpaca writes it. */
  sessionOpen: string
  /** Extended-hours close, `HHMM`. */
  sessionClose: string
  /** The regular open as an instant. */
  openAt: Date
  /** The regular close as an instant. */
  closeAt: Date
  /** Whether the market closes early this day. */
  earlyClose: boolean
}

/** A market calendar over a covered range of dates; a question outside it is a could-not-check, never a guess. */
export interface MarketCalendar {
  /** The first and last covered dates. */
  coverage: { start: string; end: string }
  /** The session on a date, or `undefined` on a weekend or closure. */
  session(date: string): TradingSession | undefined
  /** The first session strictly after a date. */
  nextSession(date: string): TradingSession
  /** The last session strictly before a date. */
  previousSession(date: string): TradingSession
  /** Every session from `start` to `end` inclusive, clipped to the coverage. */
  sessions(start: string, end: string): TradingSession[]
  /** The next business day after a date (weekends and listed closures skipped), even past the coverage. */
  nextBusinessDay(date: string): string
}

/** Reads and validates a calendar data file (the shipped NYSE calendar by default). */
export function loadNyseCalendar(file: string = NYSE_CALENDAR_FILE): MarketCalendar {
  return createMarketCalendar(loadNyseCalendarData(file))
}

/**
 * Reads and validates a calendar data file without building the calendar, for callers that need its closure names.
 * @throws UsageError naming the file and the first field that does not match {@link NYSE_CALENDAR_SCHEMA}.
 */
export function loadNyseCalendarData(file: string = NYSE_CALENDAR_FILE): NyseCalendarData {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read the market calendar ${file}: ${(error as Error).message}. Pass a JSON calendar file.`)
  }
  const parsed = NYSE_CALENDAR_SCHEMA.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`market calendar ${file} is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message}. Fix the file.`)
  }
  return parsed.data
}

/** Builds a calendar from parsed data. */
export function createMarketCalendar(data: NyseCalendarData): MarketCalendar {
  const closed = new Set(data.closures.map((closure) => closure.date))
  const early = new Set(data.earlyCloses.map((day) => day.date))
  const { coverage } = data
  const covered = (date: string) => date >= coverage.start && date <= coverage.end
  const assertCovered = (date: string) => {
    if (covered(date)) return
    throw new CouldNotCheckError(
      `the market calendar covers ${coverage.start}..${coverage.end}, and ${date} is outside it. ` +
        'Add the next year from NYSE Group\'s holiday announcement to the calendar file.',
    )
  }
  const isBusinessDay = (date: string) => dayOfWeek(date) % 6 !== 0 && !closed.has(date)

  const session = (date: string): TradingSession | undefined => {
    assertCovered(date)
    if (!isBusinessDay(date)) return undefined
    const isEarly = early.has(date)
    const close = isEarly ? data.early.close : data.regular.close
    return {
      date,
      open: data.regular.open,
      close,
      sessionOpen: data.regular.sessionOpen.replace(':', ''),
      sessionClose: (isEarly ? data.early.sessionClose : data.regular.sessionClose).replace(':', ''),
      openAt: easternInstant(date, data.regular.open),
      closeAt: easternInstant(date, close),
      earlyClose: isEarly,
    }
  }
  const step = (date: string, days: 1 | -1): TradingSession => {
    for (let day = addDays(date, days); ; day = addDays(day, days)) {
      const found = session(day)
      if (found !== undefined) return found
    }
  }
  return {
    coverage: { ...coverage },
    session,
    nextSession: (date) => step(date, 1),
    previousSession: (date) => step(date, -1),
    sessions(start, end) {
      const found: TradingSession[] = []
      const from = start < coverage.start ? coverage.start : start
      const to = end > coverage.end ? coverage.end : end
      for (let day = from; day <= to; day = addDays(day, 1)) {
        const each = session(day)
        if (each !== undefined) found.push(each)
      }
      return found
    },
    nextBusinessDay(date) {
      let day = addDays(date, 1)
      while (!isBusinessDay(day)) day = addDays(day, 1)
      return day
    },
  }
}
