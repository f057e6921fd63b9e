import { addDays, easternDate } from '../calendar/index.ts'
import { UsageError } from '../errors.ts'
import { DEFAULTS } from './defaults.ts'

/** The flag that let a session outside the usual window through; the report records it. */
export type SessionOverride = '--allow-past-session' | '--allow-future-session'

/**
 * The window a `--session` must lie in, by New York calendar dates: from today to today plus
 * {@link DEFAULTS.maxSessionDaysAhead} days, both included. Before it is a replay (`--allow-past-session`); after it,
 * today's floor cannot speak for that session (`--allow-future-session`).
 * @returns the override used, or `null` when the session is inside the window.
 * @throws {UsageError} when it is outside and the matching flag was not given.
 */
export function checkSessionWindow(
  session: string,
  now: Date,
  allowed: { past: boolean; future: boolean },
  maxDaysAhead: number = DEFAULTS.maxSessionDaysAhead,
): SessionOverride | null {
  const today = easternDate(now)
  const latest = addDays(today, maxDaysAhead)
  if (session < today) {
    if (allowed.past) return '--allow-past-session'
    throw new UsageError(
      `--session ${session} is before today (${today} in New York); a past session cannot be prepared. For a replay, add --allow-past-session (the report records it).`,
    )
  }
  if (session > latest) {
    if (allowed.future) return '--allow-future-session'
    throw new UsageError(
      `--session ${session} is more than ${maxDaysAhead} days after today (${today} in New York; the latest is ${latest}); today's floor cannot speak for it. Name a nearer session, or add --allow-future-session (the report records it).`,
    )
  }
  return null
}
