import { describe, expect, it } from 'vitest'
import type { Evidence } from './create-evidence.ts'
import { CouldNotCheckError } from '../errors.ts'
import type { Judgement } from '../judgement.ts'
import { classifyCheck, type ObservedCheck } from '../verdict/index.ts'
import type { CheckMeta } from '../context/index.ts'
import { expectJudgement, type JudgementContext } from './expect-judgement.ts'

const REASON = 'EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0": execution is NOT halted'

/** A check's context as the fixture hands it over: its evidence values, its meta, and a skip that throws as vitest's does. */
function createContext() {
  const meta: CheckMeta = {}
  const values: Record<string, unknown>[] = []
  const skipped: string[] = []
  const evidence = { values: (value: Record<string, unknown>) => values.push(value) } as unknown as Evidence
  const skip = ((note?: string) => {
    skipped.push(note ?? '')
    throw new Error(`skipped: ${note}`)
  }) as JudgementContext['skip']
  return { context: { evidence, task: { meta }, skip } as unknown as JudgementContext, meta, values, skipped }
}

/** What the runner would classify a check as, had it ended with `error` (or passed, or been skipped). */
function classify(ending: { error?: unknown; skipped?: boolean }, meta: CheckMeta) {
  const error = ending.error as Error | undefined
  const check: ObservedCheck = {
    title: 'a check',
    state: ending.skipped ? 'skipped' : error ? 'failed' : 'passed',
    mode: 'run',
    errors: error ? [{ name: error.name, message: error.message }] : [],
    meta: { assertions: 1, ...meta },
  }
  return classifyCheck(check)
}

function ending(run: () => void): { error?: unknown } {
  try {
    run()
    return {}
  } catch (error) {
    return { error }
  }
}

describe('expectJudgement', () => {
  it('records every judgement in the evidence before it concludes', () => {
    for (const status of ['pass', 'fail', 'unverified', 'optional'] as const) {
      const { context, values } = createContext()
      ending(() => expectJudgement({ status, reason: REASON, findings: ['x'] }, context))
      expect(values).toEqual([{ judgement: { status, reason: REASON, findings: ['x'] } }])
    }
  })

  it('pass: makes an assertion, so the check is not "no assertion", and passes', () => {
    const { context, meta } = createContext()
    const before = expect.getState().assertionCalls
    expectJudgement({ status: 'pass', reason: REASON, findings: [] }, context)
    expect(expect.getState().assertionCalls - before).toBe(1)
    expect(classify({}, meta)).toEqual({ status: 'pass', reason: null })
  })

  it('fail: fails the assertion with the reason, classified exactly as `expect(ok, reason).toBe(true)` always was', () => {
    const { context, meta } = createContext()
    const failed = ending(() => expectJudgement({ status: 'fail', reason: REASON, findings: [] }, context))
    const byHand = ending(() => expect(false, REASON).toBe(true))
    expect((failed.error as Error).name).toBe('AssertionError')
    expect(classify(failed, meta)).toEqual({ status: 'fail', reason: REASON })
    expect(classify(failed, meta)).toEqual(classify(byHand, {}))
  })

  it('unverified: throws a could-not-check with the reason, classified exactly as a thrown CouldNotCheckError', () => {
    const { context, meta } = createContext()
    const unverified = ending(() => expectJudgement({ status: 'unverified', reason: REASON, findings: [] }, context))
    expect(unverified.error).toBeInstanceOf(CouldNotCheckError)
    expect(classify(unverified, meta)).toEqual({ status: 'unverified', reason: `[openbell] ${REASON}` })
    expect(classify(unverified, meta)).toEqual(classify({ error: new CouldNotCheckError(REASON) }, {}))
  })

  it('optional: skips with the reason and marks the check optional, so it is listed as not run (optional)', () => {
    const { context, meta, skipped } = createContext()
    const judgement: Judgement = { status: 'optional', reason: 'strategy-engine does not report safety.kill_switch', findings: [] }
    expect(ending(() => expectJudgement(judgement, context)).error).toBeDefined()
    expect(skipped).toEqual([judgement.reason])
    expect(meta.optional).toEqual({ reason: judgement.reason })
    expect(classify({ skipped: true }, meta)).toEqual({ status: 'optional-not-run', reason: `not run (optional): ${judgement.reason}` })
  })

  it('fails closed on a status outside the vocabulary', () => {
    const { context, meta } = createContext()
    const odd = ending(() => expectJudgement({ status: 'maybe', reason: REASON, findings: [] } as unknown as Judgement, context))
    expect(classify(odd, meta).status).toBe('fail')
  })
})
