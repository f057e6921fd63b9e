import type { CalendarAuthority } from '../calendar/index.ts'
import { createShippedCalendarAuthority } from '../calendar/index.ts'
import { createAlpacaCalendarAuthority } from './alpaca-calendar-authority.ts'
import { readAlpacaCredentials } from '../config/index.ts'
import type { FetchLike } from './alpaca-paper-only-middleware.ts'

/** Options of {@link chooseCalendarAuthority}. */
export interface ChooseCalendarAuthorityOptions {
  /** Where the Alpaca paper credentials are looked for. @default process.env */
  env?: Readonly<Record<string, string | undefined>>
  /** The `fetch` behind the Alpaca client. @default the global `fetch` */
  fetch?: FetchLike
  /** Each Alpaca request gives up after this many milliseconds. @default 5000 */
  timeoutMs?: number
  /** The shipped calendar file. @default `fixtures/alpaca/nyse-calendar-2025-2027.json` */
  calendarFile?: string
}

/**
 * Picks who says whether a date is an NYSE session: Alpaca's paper calendar when a paper key pair is present
 * (the broker's own view), otherwise the maintained calendar openbell ships.
 */
export function chooseCalendarAuthority(options: ChooseCalendarAuthorityOptions = {}): CalendarAuthority {
  const env = options.env ?? process.env
  if (readAlpacaCredentials(env) !== null) {
    // @note the shipped calendar only names Alpaca's closures for the reason; whether a day trades is Alpaca's answer.
    const shipped = createShippedCalendarAuthority(options.calendarFile)
    return createAlpacaCalendarAuthority({
      env,
      closureName: (date) => shipped.closureName(date),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    })
  }
  return createShippedCalendarAuthority(options.calendarFile)
}
