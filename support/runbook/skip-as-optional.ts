import type { TestContext } from 'vitest'

/**
 * Ends the running check as "not run (optional)": its input turned out to be absent (e.g. a service that does not
 * report the value compared), so it is listed with `reason` and does not change the verdict. Use it only for checks
 * the runbook makes conditional, never to hide a failure; an error while looking stays unverified. Specs do not call
 * it: a rule answers `optional` and `expectJudgement` ends the check through it.
 * @example skipAsOptional({ task, skip }, 'strategy-engine /ops/status does not report safety.kill_switch')
 */
export function skipAsOptional(context: Pick<TestContext, 'task' | 'skip'>, reason: string): never {
  context.task.meta.optional = { reason }
  return context.skip(reason)
}
