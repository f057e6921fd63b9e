/** The time zone of the NYSE calendar. */
export const EXCHANGE_TIME_ZONE = 'America/New_York'

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: EXCHANGE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Minutes New York is ahead of UTC at an instant (-300 in winter, -240 in summer). */
export function easternOffsetMinutes(instant: Date): number {
  const parts = PARTS.formatToParts(instant)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'))
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/** The instant of a New York wall-clock time: `easternInstant('2026-03-02', '09:30')` is 14:30 UTC. */
export function easternInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  const wall = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN, hour ?? NaN, minute ?? NaN)
  // @note two passes settle the offset even when the first guess falls on the other side of a DST change.
  let instant = wall - easternOffsetMinutes(new Date(wall)) * 60_000
  instant = wall - easternOffsetMinutes(new Date(instant)) * 60_000
  return new Date(instant)
}

/** The New York calendar date of an instant, `YYYY-MM-DD`. */
export function easternDate(instant: Date): string {
  return formatEastern(instant).slice(0, 10)
}

/**
 * Formats an instant the way Alpaca's clock does, in New York time with its offset:
 * `2026-03-02T09:30:00-05:00`, or with milliseconds `2026-03-02T10:15:07.250-05:00`.
 */
export function formatEastern(instant: Date, options: { milliseconds?: boolean } = {}): string {
  const offset = easternOffsetMinutes(instant)
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString()
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  const body = options.milliseconds === true ? wall.slice(0, 23) : wall.slice(0, 19)
  return `${body}${sign}${hours}:${minutes}`
}

/** The calendar date `days` after `date` (negative for before), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Day of week of a `YYYY-MM-DD` date: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}
