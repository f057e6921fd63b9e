import type { ReadinessReport } from '../verdict/index.ts'

/**
 * The session the run prepared, as people read it: the one asked for with `--session`, else the one the `session`
 * gate resolved (the next NYSE session, with its opening time), else `-`; and the calendar that decided it, since a
 * shipped calendar runs out and a 400-day-old report must say which one spoke.
 * @example describeSession(report) // '2026-12-03, opens 2026-12-03T14:30:00.000Z (the next NYSE session, resolved by the session gate; calendar: nyse-2025-2027.json (covers 2025-01-01..2027-12-31))'
 */
export function describeSession(report: ReadinessReport): string {
  const values = report.gates?.find((gate) => gate.id === 'session')?.checks.find((check) => check.id === 'trading-day')?.values
  const resolved = typeof values?.session === 'string' ? values.session : null
  const opens = typeof values?.opensAt === 'string' ? `, opens ${values.opensAt}` : ''
  const calendar = typeof values?.source === 'string' ? `; calendar: ${values.source}` : ''
  if (report.target.session) return `${report.target.session}${resolved === report.target.session ? opens : ''} (asked for with --session${calendar})`
  if (resolved) return `${resolved}${opens} (${values?.defaulted === false ? 'asked for' : 'the next NYSE session'}, resolved by the session gate${calendar})`
  return '-'
}
