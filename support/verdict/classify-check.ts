import { cleanReason } from './clean-reason.ts'
import { redactText } from '../secrets/index.ts'
import type { CheckMeta } from '../context/index.ts'
import type { CheckStatus } from '../gates/index.ts'

/** What the runner observed of one `it` of a gate spec: a plain, serialisable view of vitest's TestCase. */
export interface ObservedCheck {
  /** The test title, as an operator would say the check. */
  title: string
  /** vitest's final state of the test. */
  state: 'passed' | 'failed' | 'skipped' | 'pending'
  /** How the test was declared: `todo` and `skip` never count as checked. */
  mode: 'run' | 'only' | 'skip' | 'todo' | 'queued'
  /** The errors the test ended with (`name` and `message` of each). */
  errors: readonly { name?: string; message: string }[]
  /** Why a test was skipped, when vitest knows (`ctx.skip(note)`). */
  note?: string | undefined
  /** Metadata the spec attached: check id, assertion count, evidence, optional-ness. */
  meta: CheckMeta
}

/** The classification of one check with the reason a person reads. */
export interface ClassifiedCheck {
  status: CheckStatus
  reason: string | null
}

/**
 * Decides a check's status, fail-closed: only a test that ran, asserted something and passed is `pass`;
 * only assertion failures are `fail`; everything else (errors, timeouts, skips, todos, no assertions) is `unverified`.
 */
export function classifyCheck(check: ObservedCheck): ClassifiedCheck {
  if (check.state === 'passed') {
    if ((check.meta.assertions ?? 0) === 0) {
      return { status: 'unverified', reason: 'the check made no assertion, so it proved nothing' }
    }
    return { status: 'pass', reason: null }
  }
  if (check.state === 'failed') {
    const reason = check.errors.map((error) => cleanReason(firstLine(error.message))).join('; ') || 'failed without an error message'
    const allAssertions = check.errors.length > 0 && check.errors.every((error) => error.name === 'AssertionError')
    return { status: allAssertions ? 'fail' : 'unverified', reason }
  }
  if (check.state === 'skipped' && check.meta.optional && check.mode !== 'todo') {
    return { status: 'optional-not-run', reason: `not run (optional): ${check.meta.optional.reason}` }
  }
  if (check.mode === 'todo') return { status: 'unverified', reason: 'the check is a todo, so nothing was checked' }
  if (check.state === 'skipped') {
    return { status: 'unverified', reason: check.note ? `skipped: ${check.note}` : 'skipped, so nothing was checked' }
  }
  return { status: 'unverified', reason: 'the check never ran' }
}

function firstLine(text: string): string {
  // @note scrub before the cut: a credential across the cut would no longer match the scrub, and its start would show.
  const line = redactText(text.split('\n').find((part) => part.trim().length > 0) ?? text)
  return line.length > 500 ? `${line.slice(0, 497)}...` : line
}
