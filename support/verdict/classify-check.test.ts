import { describe, expect, it } from 'vitest'
import { secretRegistry } from '../secrets/index.ts'
import { classifyCheck, type ObservedCheck } from './classify-check.ts'

const check = (overrides: Partial<ObservedCheck>): ObservedCheck => ({
  title: 'a check',
  state: 'passed',
  mode: 'run',
  errors: [],
  meta: { assertions: 1 },
  ...overrides,
})

describe('classifyCheck', () => {
  it.each<[string, Partial<ObservedCheck>, string, string | null]>([
    ['a passing check with an assertion', {}, 'pass', null],
    ['a passing check without assertions', { meta: { assertions: 0 } }, 'unverified', 'the check made no assertion, so it proved nothing'],
    ['a passing check whose assertion count is unknown', { meta: {} }, 'unverified', 'the check made no assertion, so it proved nothing'],
    ['a failed assertion', { state: 'failed', errors: [{ name: 'AssertionError', message: "ConfigMap: expected '0' to be '1'" }] }, 'fail', "ConfigMap: expected '0' to be '1'"],
    ['a thrown error', { state: 'failed', errors: [{ name: 'TypeError', message: 'x is undefined' }] }, 'unverified', 'x is undefined'],
    ['a timeout', { state: 'failed', errors: [{ name: 'Error', message: 'Test timed out in 5000ms.' }] }, 'unverified', 'Test timed out in 5000ms.'],
    ['a could-not-check error', { state: 'failed', errors: [{ name: 'CouldNotCheckError', message: '[openbell] get configmap: forbidden (403)' }] }, 'unverified', '[openbell] get configmap: forbidden (403)'],
    ['an assertion mixed with an error', { state: 'failed', errors: [{ name: 'AssertionError', message: 'a' }, { name: 'Error', message: 'b' }] }, 'unverified', 'a; b'],
    ['a failure without errors', { state: 'failed', errors: [] }, 'unverified', 'failed without an error message'],
    ['it.skip', { state: 'skipped', mode: 'skip' }, 'unverified', 'skipped, so nothing was checked'],
    ['ctx.skip(note)', { state: 'skipped', note: 'no credentials' }, 'unverified', 'skipped: no credentials'],
    ['it.todo', { state: 'skipped', mode: 'todo' }, 'unverified', 'the check is a todo, so nothing was checked'],
    ['a check that never ran', { state: 'pending' }, 'unverified', 'the check never ran'],
    ['an optional check without inputs', { state: 'skipped', mode: 'skip', meta: { optional: { reason: 'no APCA credentials' } } }, 'optional-not-run', 'not run (optional): no APCA credentials'],
    ['an optional check that ran and failed', { state: 'failed', meta: { optional: { reason: 'x' } }, errors: [{ name: 'AssertionError', message: 'account inactive' }] }, 'fail', 'account inactive'],
  ])('%s', (_, overrides, status, reason) => {
    expect(classifyCheck(check(overrides))).toEqual({ status, reason })
  })
})

describe('classifyCheck: a long reason', () => {
  it('scrubs a known credential before cutting the line, so no part of it shows', () => {
    const secret = 'canary-classify-secret-0123456789'
    secretRegistry.add(secret)
    // @note the secret straddles the 500-character cut of a reason.
    const message = `${'x'.repeat(480)} token ${secret} was refused`
    const { reason } = classifyCheck(check({ state: 'failed', errors: [{ name: 'Error', message }] }))
    expect(reason).not.toMatch(/canary/)
    expect(reason?.length).toBeLessThanOrEqual(500)
  })
})
