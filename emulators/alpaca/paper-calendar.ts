import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { CouldNotCheckError, UsageError } from '../../support/errors.ts'
import { PROJECT_ROOT } from '../../support/project-paths.ts'

/** The recorded calendar the stand-in serves: `fixtures/alpaca/paper-calendar-2025-2027.json`. */
export const PAPER_CALENDAR_FILE = path.join(PROJECT_ROOT, 'fixtures/alpaca/paper-calendar-2025-2027.json')

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** One day of Alpaca's `GET /v2/calendar`, as Alpaca writes it. */
export const AlpacaCalendarDaySchema = z.strictObject({
  date: DATE,
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
  session_open: z.string().regex(/^\d{4}$/),
  session_close: z.string().regex(/^\d{4}$/),
  settlement_date: DATE,
})

/** A recorded `/v2/calendar` answer: the dates it was asked for and the trading days it listed, in order. */
const RecordedCalendarSchema = z
  .object({ start: DATE, end: DATE, days: z.array(AlpacaCalendarDaySchema) })
  .refine(({ start, end, days }) => days.every((day, i) => day.date >= start && day.date <= end && (i === 0 || days[i - 1]!.date < day.date)), {
    message: 'days must lie between start and end, in order, each once',
  })

/** One day of Alpaca's `GET /v2/calendar`. */
export type AlpacaCalendarDay = z.infer<typeof AlpacaCalendarDaySchema>

/** The trading days the stand-in knows; a question outside them is a could-not-check, never a guess. */
export interface PaperCalendar {
  /** The first and last dates the recording covers. */
  coverage: { start: string; end: string }
  /** The trading day on a date, or `undefined` when the market is closed. @throws CouldNotCheckError outside the coverage */
  day(date: string): AlpacaCalendarDay | undefined
  /** The first trading day strictly after a date. @throws CouldNotCheckError past the last recorded day */
  nextDay(date: string): AlpacaCalendarDay
  /** The trading days from `start` to `end` inclusive, clipped to the coverage. */
  days(start: string, end: string): AlpacaCalendarDay[]
}

/**
 * Reads a recorded calendar (the stand-in's own by default).
 * @throws UsageError naming the file and what is wrong with it.
 */
export function loadPaperCalendar(file: string = PAPER_CALENDAR_FILE): PaperCalendar {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read the Alpaca stand-in's calendar ${file}: ${(error as Error).message}. Restore the file.`)
  }
  const parsed = RecordedCalendarSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`the Alpaca stand-in's calendar ${file} is malformed at ${issue?.path.join('.') ?? '?'}: ${issue?.message}. Fix the file.`)
  }
  return createPaperCalendar(parsed.data)
}

function createPaperCalendar({ start, end, days }: z.infer<typeof RecordedCalendarSchema>): PaperCalendar {
  const byDate = new Map(days.map((day) => [day.date, day]))
  const outside = (date: string) =>
    new CouldNotCheckError(`the market calendar covers ${start}..${end}, and ${date} is outside it. Record the next year's sessions.`)
  return {
    coverage: { start, end },
    day(date) {
      if (date < start || date > end) throw outside(date)
      return byDate.get(date)
    },
    nextDay(date) {
      const next = days.find((day) => day.date > date)
      if (next === undefined) throw outside(`the day after ${date}`)
      return next
    },
    days: (from, to) => days.filter((day) => day.date >= from && day.date <= to),
  }
}
