import { http, HttpResponse, type RequestHandler } from 'msw'
import { formatMessage } from '../../support/errors.ts'
import { computeMarketClock } from './market-clock.ts'
import { loadPaperCalendar, type PaperCalendar } from './paper-calendar.ts'
import { createPaperAccount, type PaperAccount } from './paper-account.ts'

/** The origin the stand-in answers for; nothing else. */
export const ALPACA_PAPER_ORIGIN = 'https://paper-api.alpaca.markets'

/** How the Alpaca paper stand-in answers; every field is data. */
export interface AlpacaPaperStandInOptions {
  /** The clock behind `/v2/clock`. @default () => new Date() */
  now?: () => Date
  /** The trading days behind `/v2/clock` and `/v2/calendar`. @default the stand-in's recorded NYSE days, 2025–2027 */
  calendar?: PaperCalendar
  /** Fields of `/v2/account` that differ from a healthy active paper account. @default {} */
  account?: Partial<PaperAccount>
  /** The only key pair accepted; `null` accepts any pair with both headers non-blank. @default null */
  credentials?: { keyId: string; secret: string } | null
}

/** {@link AlpacaPaperStandInOptions} after defaults. */
export type ResolvedAlpacaPaperStandInOptions = Required<AlpacaPaperStandInOptions>

/** The defaults of {@link AlpacaPaperStandInOptions} (the calendar is loaded on first use). */
export const ALPACA_PAPER_STAND_IN_DEFAULTS = Object.freeze({
  now: () => new Date(),
  account: Object.freeze({}),
  credentials: null,
})

/** Fills in the defaults; the recorded calendar is read here when none is given. */
export function resolveAlpacaPaperStandInOptions(options: AlpacaPaperStandInOptions = {}): ResolvedAlpacaPaperStandInOptions {
  return {
    now: options.now ?? ALPACA_PAPER_STAND_IN_DEFAULTS.now,
    calendar: options.calendar ?? loadPaperCalendar(),
    account: options.account ?? ALPACA_PAPER_STAND_IN_DEFAULTS.account,
    credentials: options.credentials ?? ALPACA_PAPER_STAND_IN_DEFAULTS.credentials,
  }
}

/** An Alpaca-style error body: `{ code, message }`. */
function alpacaError(status: number, code: number, message: string): Response {
  return HttpResponse.json({ code, message }, { status })
}

/**
 * msw handlers standing in for Alpaca's paper trading API, read-only: `GET /v2/account`, `/v2/clock`,
 * `/v2/calendar?start&end` and `/v2/orders` (always empty). Like Alpaca, a request without both
 * `APCA-API-KEY-ID` and `APCA-API-SECRET-KEY` gets 401; any method but GET gets 403; other paths get 404.
 * Every request to the paper origin is answered here, so none leaves the process.
 */
export function createAlpacaPaperHandlers(options: AlpacaPaperStandInOptions = {}): RequestHandler[] {
  const resolved = resolveAlpacaPaperStandInOptions(options)
  const { calendar, now } = resolved
  return [
    http.all(`${ALPACA_PAPER_ORIGIN}/*`, ({ request }) => {
      if (request.method !== 'GET') return alpacaError(403, 40310000, 'openbell stand-in is read-only')
      if (!isAuthorized(request.headers, resolved.credentials)) return alpacaError(401, 40110000, 'request is not authorized')
      return undefined
    }),
    http.get(`${ALPACA_PAPER_ORIGIN}/v2/account`, () => HttpResponse.json(createPaperAccount(resolved.account))),
    http.get(`${ALPACA_PAPER_ORIGIN}/v2/clock`, () => answerFromCalendar(() => HttpResponse.json(computeMarketClock(now(), calendar)))),
    http.get(`${ALPACA_PAPER_ORIGIN}/v2/calendar`, ({ request }) => answerFromCalendar(() => answerCalendar(new URL(request.url), calendar))),
    http.get(`${ALPACA_PAPER_ORIGIN}/v2/orders`, () => HttpResponse.json([])),
    http.all(`${ALPACA_PAPER_ORIGIN}/*`, ({ request }) =>
      alpacaError(404, 40410000, `openbell stand-in has no ${new URL(request.url).pathname}`),
    ),
  ]
}

function isAuthorized(headers: Headers, expected: { keyId: string; secret: string } | null): boolean {
  const keyId = headers.get('APCA-API-KEY-ID')?.trim() ?? ''
  const secret = headers.get('APCA-API-SECRET-KEY')?.trim() ?? ''
  if (keyId === '' || secret === '') return false
  return expected === null || (keyId === expected.keyId && secret === expected.secret)
}

/** `GET /v2/calendar`: the recorded days between `start` and `end` (dates or RFC 3339 times; the date part counts). */
function answerCalendar(url: URL, calendar: PaperCalendar): Response {
  const bounds = { ...calendar.coverage }
  for (const name of ['start', 'end'] as const) {
    const value = url.searchParams.get(name)
    if (value === null || value === '') continue
    const date = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.exec(value)?.[1]
    if (date === undefined || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      return alpacaError(400, 40010001, `invalid ${name}: ${JSON.stringify(value)}; use YYYY-MM-DD or RFC 3339`)
    }
    bounds[name] = date
  }
  return HttpResponse.json(calendar.days(bounds.start, bounds.end))
}

/** Runs an answer that needs the calendar; a date outside its coverage becomes a 500 that says so. */
function answerFromCalendar(answer: () => Response): Response {
  try {
    return answer()
  } catch (error) {
    const why = (error as Error).message.replace(/^\[openbell\] /, '')
    return alpacaError(500, 50010000, formatMessage(`the Alpaca stand-in cannot answer: ${why}`))
  }
}
