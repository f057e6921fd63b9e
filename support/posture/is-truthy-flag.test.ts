import { describe, expect, it } from 'vitest'
import { isTruthyFlag } from './is-truthy-flag.ts'

describe('isTruthyFlag', () => {
  it.each([
    ['1', true], ['true', true], ['TRUE', true], [' yes ', true], ['On', true],
    ['0', false], ['false', false], ['no', false], ['off', false], ['', false], ['enabled', false], ['2', false], [undefined, false],
  ] as const)('%s → %s', (value, truthy) => {
    expect(isTruthyFlag(value)).toBe(truthy)
  })
})
