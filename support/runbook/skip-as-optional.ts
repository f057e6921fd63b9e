import type { TestContext } from 'vitest'

/**
 * Ends the running check as "not run (optional)": its input turned out to be absent (e.g. a service that does not
 * report the value compared), so it is listed with `reason` and does not change the verdict. Use it only for checks
 * the runbook makes conditional, never to hide a failure; an error while looking stays unverified.
 * @example if (judgement.outcome === 'not-reported') skipAsOptional(context, judgement.reason)
 */
export function skipAsOptional(context: Pick<TestContext, 'task' | 'skip'>, reason: string): never {
  context.task.meta.optional = { reason }
  return context.skip(reason)
}
