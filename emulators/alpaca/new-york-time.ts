/**
 * New York time for the Alpaca stand-in, from the platform's time-zone data (`Intl`): its own code, not openbell's
 * calendar helpers, so a time-zone bug in one of them makes the two disagree instead of agreeing.
 */

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeZoneName: 'longOffset' })

/** New York's UTC offset at an instant, as ISO 8601 writes it: `-05:00` in winter, `-04:00` in summer. */
export function newYorkOffset(instant: Date): string {
  const name = OFFSET.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? ''
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name)?.[1]
  // @note `longOffset` writes a zero offset as plain `GMT`, which New York never has.
  if (offset === undefined) throw new Error(`unexpected New York offset ${JSON.stringify(name)}`)
  return offset
}

/** An instant in New York time as Alpaca writes it: `2026-03-02T09:30:00-05:00`, optionally with milliseconds. */
export function formatNewYork(instant: Date, options: { milliseconds?: boolean } = {}): string {
  const offset = newYorkOffset(instant)
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  const wall = new Date(instant.getTime() + minutes * 60_000).toISOString()
  return `${wall.slice(0, options.milliseconds === true ? 23 : 19)}${offset}`
}

/** The New York date of an instant, `YYYY-MM-DD`. */
export function newYorkDate(instant: Date): string {
  return formatNewYork(instant).slice(0, 10)
}

/** The instant of a New York wall time on a date: `newYorkInstant('2026-03-02', '09:30')` is 14:30 UTC. */
export function newYorkInstant(date: string, time: string): Date {
  // @note New York changes its clocks at 02:00: the offset at noon UTC (07:00 or 08:00 there) holds for every market hour.
  return new Date(`${date}T${time}:00${newYorkOffset(new Date(`${date}T12:00:00Z`))}`)
}
