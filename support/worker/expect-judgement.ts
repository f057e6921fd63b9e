import { expect, type TestContext } from 'vitest'
import type { Evidence } from './create-evidence.ts'
import { CouldNotCheckError } from '../errors.ts'
import type { Judgement } from '../judgement.ts'

/** What {@link expectJudgement} needs of the running check: its evidence, and vitest's task and skip. */
export type JudgementContext = { evidence: Evidence } & Pick<TestContext, 'task' | 'skip'>

/**
 * Ends a check with its rule's judgement, the one way a gate spec concludes: records the judgement in the evidence
 * (`values.judgement`: status, reason, findings), then
 * - `pass`: asserts, so the check made an assertion;
 * - `fail`: fails the assertion with the reason (the report and JUnit show the reason alone);
 * - `unverified`: throws a `CouldNotCheckError` with the reason, so the check is unverified, never passed;
 * - `optional`: ends the check as "not run (optional)" with the reason (`skipAsOptional`).
 * Specs get it bound to their check as the `expectJudgement` fixture.
 * @example expectJudgement(judgeKillSwitch(configMap, run.authorization), { evidence, task, skip })
 */
export function expectJudgement(judgement: Judgement, context: JudgementContext): void {
  const { status, reason, findings } = judgement
  context.evidence.values({ judgement: { status, reason, findings } })
  if (status === 'unverified') throw new CouldNotCheckError(reason)
  if (status === 'optional') skipAsOptional(context, reason)
  // @note a boolean with the reason as its message: the report strips the "expected false to be true" tail and shows
  // the reason alone, as it always has for the rules' reasons.
  expect(status === 'pass', reason).toBe(true)
}

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
