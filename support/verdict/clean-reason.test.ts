import { describe, expect, it } from 'vitest'
import { cleanReason } from './clean-reason.ts'

describe('cleanReason', () => {
  it.each([
    ['EXECUTION_HALTED is "0": execution is NOT halted; run `openbell halt`: expected false to be true // Object.is equality', 'EXECUTION_HALTED is "0": execution is NOT halted; run `openbell halt`'],
    ['some pods are not Ready: expected true to be false', 'some pods are not Ready'],
    ["ConfigMap: expected '0' to be '1' // Object.is equality", "ConfigMap: expected '0' to be '1'"],
    ['pods not Ready: expected [ \'api-0\' ] to deeply equal []', 'pods not Ready: expected [ \'api-0\' ] to deeply equal []'],
    ['expected false to be true // Object.is equality', 'expected false to be true'],
    ['[openbell] could not reach the API server at https://10.0.0.1: ECONNREFUSED', '[openbell] could not reach the API server at https://10.0.0.1: ECONNREFUSED'],
  ])('%s → %s', (reason, cleaned) => {
    expect(cleanReason(reason)).toBe(cleaned)
  })
})
