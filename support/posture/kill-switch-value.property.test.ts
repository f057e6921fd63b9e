import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { judgeKillSwitch, type KillSwitchConfigMap } from './kill-switch-value.ts'

/**
 * The reference rule, written from the runbook (§5A) and the agents' flag parsing, not from the policy: the gate
 * passes only when the ConfigMap holds EXECUTION_HALTED exactly "1", or when it holds an explicit "off" value as the
 * agents read one (trimmed, any case: 0, false, no, off) and an operator authorized execution as WHO/TICKET/REASON.
 */
function referenceOk(configMap: KillSwitchConfigMap, authorization: string | null): boolean {
  const data = configMap?.data
  if (data === undefined || !Object.prototype.hasOwnProperty.call(data, 'EXECUTION_HALTED')) return false
  const value = data.EXECUTION_HALTED
  if (typeof value !== 'string') return false
  if (value === '1') return true
  const parts = (authorization ?? '').split('/')
  const authorized = parts.length >= 3 && parts.every((part) => part.trim() !== '')
  return authorized && ['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase())
}

const value = fc.oneof(
  fc.constantFrom('1', ' 1', '1 ', '01', '1.0', '１', 'true', 'TRUE', 'yes', 'on', '0', ' 0 ', 'False', 'NO', 'Off', 'off\n', '\u00a00', '', ' '),
  fc.string({ maxLength: 4 }),
)
const configMap: fc.Arbitrary<KillSwitchConfigMap> = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.constant({ data: undefined }),
  fc.record({ data: fc.dictionary(fc.constantFrom('EXECUTION_HALTED', 'execution_halted', 'EXECUTION_HALTED ', 'KILL_SWITCH'), value) }),
  fc.record({ data: fc.record({ EXECUTION_HALTED: value }) }),
)
const authorization = fc.oneof(
  fc.constant(null),
  fc.constantFrom('alice/INC-42/maintenance window', 'a/b/c', '', '   ', '//', 'alice', 'alice/INC-42', ' / / '),
  fc.string({ maxLength: 12 }),
)

describe('judgeKillSwitch never passes what the reference rule fails', () => {
  it('on any ConfigMap and any authorization', () => {
    fc.assert(
      fc.property(configMap, authorization, (candidate, authorizedBy) => {
        const judgement = judgeKillSwitch(candidate, authorizedBy)
        if (judgement.status === 'pass') expect(referenceOk(candidate, authorizedBy), judgement.reason).toBe(true)
      }),
      { numRuns: 3_000 },
    )
  })

  it('and passes exactly "1" with no authorization at all', () => {
    fc.assert(
      fc.property(value, (halted) => {
        expect(judgeKillSwitch({ data: { EXECUTION_HALTED: halted } }, null).status).toBe(halted === '1' ? 'pass' : 'fail')
      }),
    )
  })
})
