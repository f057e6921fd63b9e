import { ApiError, type Alpaca } from '@alpacahq/alpaca-trade-api'
import type { CalendarAuthority, TradingSession } from '../calendar/index.ts'
import { easternInstant } from '../calendar/index.ts'
import { CouldNotCheckError, OpenbellError } from '../errors.ts'
import { PAPER_TRADING_BASE_URL } from '../network/index.ts'
import { createPaperAlpacaClient, type PaperAlpacaClientOptions } from './alpaca-client.ts'

/** The regular close; a session that closes earlier is an early close. */
const REGULAR_CLOSE = '16:00'

/** Options of {@link createAlpacaCalendarAuthority}: the paper client's, plus where closure names come from. */
export interface AlpacaCalendarAuthorityOptions extends PaperAlpacaClientOptions {
  /** Names a closure for the reason (Alpaca lists sessions only, never closures). @default () => undefined */
  closureName?: (date: string) => string | undefined
}

/**
 * Alpaca's paper `GET /v2/calendar` as the authority, read through openbell's paper-only client. A range it has no
 * data for comes back short or empty: the session policy reads that as unknown.
 * @throws UsageError (from the client) when credentials are missing or a base-URL variable is not the paper host.
 */
export function createAlpacaCalendarAuthority(options: AlpacaCalendarAuthorityOptions = {}): CalendarAuthority {
  const { closureName = () => undefined, ...clientOptions } = options
  const client: Alpaca = createPaperAlpacaClient(clientOptions)
  return {
    name: 'alpaca-paper-calendar',
    source: `GET ${PAPER_TRADING_BASE_URL}/v2/calendar`,
    async sessions(start, end) {
      let days: Awaited<ReturnType<Alpaca['trading']['calendar']['legacyCalendar']>>
      try {
        // @note noon UTC is the same date in New York, so the date Alpaca reads is the one asked for in either zone.
        days = await client.trading.calendar.legacyCalendar({ start: new Date(`${start}T12:00:00Z`), end: new Date(`${end}T12:00:00Z`) })
      } catch (error) {
        throw describeCalendarFailure(start, end, error)
      }
      return days
        .map((day) => toTradingSession(day.date.toISOString().slice(0, 10), day))
        .filter((session) => session.date >= start && session.date <= end)
        .sort((a, b) => a.date.localeCompare(b.date))
    },
    closureName,
  }
}

function toTradingSession(date: string, day: { open: string; close: string; sessionOpen: string; sessionClose: string }): TradingSession {
  return {
    date,
    open: day.open,
    close: day.close,
    sessionOpen: day.sessionOpen,
    sessionClose: day.sessionClose,
    openAt: easternInstant(date, day.open),
    closeAt: easternInstant(date, day.close),
    earlyClose: day.close < REGULAR_CLOSE,
  }
}

function describeCalendarFailure(start: string, end: string, error: unknown): Error {
  // @note a refused broker host is a bug in openbell, not an answer from Alpaca: it surfaces as itself.
  if (error instanceof OpenbellError) return error
  const what = `GET ${PAPER_TRADING_BASE_URL}/v2/calendar?start=${start}&end=${end}`
  if (error instanceof ApiError) {
    return new CouldNotCheckError(
      `${what} answered ${error.status}: ${error.message.split('\n')[0]}. ` +
        'Check the paper key pair (APCA_API_KEY_ID, APCA_API_SECRET_KEY), or unset both to use the shipped NYSE calendar.',
      { cause: error },
    )
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  return new CouldNotCheckError(`${what} failed: ${message}. Check the network path to ${PAPER_TRADING_BASE_URL}.`, { cause: error })
}
