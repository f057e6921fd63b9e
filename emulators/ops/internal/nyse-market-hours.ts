const NEW_YORK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

const OPEN_SECONDS = 9 * 3600 + 30 * 60
const CLOSE_SECONDS = 16 * 3600

/**
 * AgentTrader's `is_nyse_market_hours`: Monday to Friday, 09:30 ≤ t ≤ 16:00 America/New_York, close inclusive.
 * Holidays are ignored, as at HEAD (reference §3.4).
 */
export function isNyseMarketHours(at: Date): boolean {
  const parts = Object.fromEntries(NEW_YORK.formatToParts(at).map((part) => [part.type, part.value]))
  if (parts.weekday === 'Sat' || parts.weekday === 'Sun') return false
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) + at.getUTCMilliseconds() / 1000
  return seconds >= OPEN_SECONDS && seconds <= CLOSE_SECONDS
}
