import type { z } from 'zod'

/**
 * The problems zod found, in one line: `field: message` for at most `max` issues, e.g.
 * `sentiment: Too big: expected number to be <=1`.
 */
export function describeSchemaProblem(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
  const more = error.issues.length - shown.length
  return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ')
}
