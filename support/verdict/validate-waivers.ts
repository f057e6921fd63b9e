import type { z } from 'zod'
import type { RunProblem } from './compute-verdict.ts'
import { MAX_WAIVER_DAYS, waiverSchema, waiversFileSchema, type Waiver } from './waiver-schema.ts'

/** The waivers of a run: those that apply, and a problem per waiver that does not. */
export interface ValidatedWaivers {
  waivers: Waiver[]
  /** One `fail` problem per malformed, expired, too-far-ahead, duplicate or unwaivable waiver. */
  problems: RunProblem[]
}

/**
 * Validates a parsed waivers document against the schema and the clock: every field present, `expires` in the
 * future but at most {@link MAX_WAIVER_DAYS} days ahead of `now`, one waiver per check, and never a check of an
 * unwaivable gate. A waiver that breaks a rule is dropped and becomes a run problem naming it (the run is NO-GO).
 */
export function validateWaivers(document: unknown, now: Date, source: string): ValidatedWaivers {
  const file = waiversFileSchema.safeParse(document ?? { waivers: [] })
  if (!file.success) {
    return { waivers: [], problems: [problem(`${source}: ${describeIssue(file.error.issues[0], 'the file')}; expected "waivers:" followed by a list`)] }
  }
  const waivers: Waiver[] = []
  const problems: RunProblem[] = []
  const latest = now.getTime() + MAX_WAIVER_DAYS * 24 * 60 * 60 * 1000
  file.data.waivers.forEach((entry, index) => {
    const name = `${source}: waiver #${index + 1}${describeCheck(entry)}`
    const parsed = waiverSchema.safeParse(entry)
    if (!parsed.success) {
      problems.push(problem(`${name}: ${describeIssue(parsed.error.issues[0], 'the entry')}`))
      return
    }
    const expires = Date.parse(parsed.data.expires)
    if (expires <= now.getTime()) {
      problems.push(problem(`${name} expired at ${parsed.data.expires} (run at ${now.toISOString()}); fix the check or renew the waiver`))
    } else if (expires > latest) {
      problems.push(problem(`${name} expires ${parsed.data.expires}, more than ${MAX_WAIVER_DAYS} days after the run (${now.toISOString()}); a waiver may reach at most ${new Date(latest).toISOString()}`))
    } else if (waivers.some((waiver) => waiver.check === parsed.data.check)) {
      problems.push(problem(`${name} waives ${parsed.data.check} a second time; keep one waiver per check`))
    } else {
      waivers.push(parsed.data)
    }
  })
  return { waivers, problems }
}

function describeIssue(issue: z.core.$ZodIssue | undefined, whole: string): string {
  if (issue === undefined) return `${whole} is not valid`
  if (issue.code === 'unrecognized_keys') return `${whole} has unknown field(s) ${issue.keys.join(', ')}; a waiver has check, owner, ticket, reason and expires`
  if (issue.code === 'invalid_type' && issue.path.length === 0) return `${whole} is not a mapping`
  return `${issue.path.join('.') || whole} ${issue.message}`
}

function describeCheck(entry: unknown): string {
  const check = typeof entry === 'object' && entry !== null ? (entry as { check?: unknown }).check : undefined
  return typeof check === 'string' ? ` (${JSON.stringify(check.slice(0, 120))})` : ''
}

function problem(message: string): RunProblem {
  return { severity: 'fail', message: `waiver rejected: ${message}` }
}
