import { describe, expect, it } from 'vitest'
import { judgeKillSwitch } from './kill-switch-value.ts'

describe('judgeKillSwitch', () => {
  it.each([
    { value: '1', authorization: null, ok: true, posture: 'halted' },
    { value: '1', authorization: 'alice/OPS-1/demo', ok: true, posture: 'halted' },
    { value: '0', authorization: 'alice/OPS-1/demo', ok: true, posture: 'authorized-to-execute' },
    { value: 'false', authorization: 'alice/OPS-1/demo', ok: true, posture: 'authorized-to-execute' },
    { value: '0', authorization: null, ok: false },
    { value: 'off', authorization: null, ok: false },
    { value: 'true', authorization: null, ok: false },
    { value: 'true', authorization: 'alice/OPS-1/demo', ok: false },
    { value: ' 1', authorization: null, ok: false },
    { value: '1\n', authorization: null, ok: false },
    { value: '', authorization: null, ok: false },
    { value: undefined, authorization: null, ok: false },
    { value: undefined, authorization: 'alice/OPS-1/demo', ok: false },
  ])('EXECUTION_HALTED=$value with authorization $authorization → ok=$ok', ({ value, authorization, ok, posture }) => {
    const judgement = judgeKillSwitch(value, authorization)
    expect(judgement.ok).toBe(ok)
    if (judgement.ok) expect(judgement.posture).toBe(posture)
  })

  it('names the value and the rule when the switch is ambiguous', () => {
    expect(judgeKillSwitch('true', null).reason).toBe(
      'EXECUTION_HALTED is "true", which is ambiguous; only exactly "1" means halted',
    )
  })

  it('says why "0" without authorization is NO-GO', () => {
    expect(judgeKillSwitch('0', null).reason).toBe(
      'EXECUTION_HALTED is "0": execution is NOT halted and no --authorize-execution was given',
    )
  })
})
