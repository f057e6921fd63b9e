import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExposition } from './parse-exposition.ts'
import { findSamples, hasSample, sampleValues } from './query-exposition.ts'

const read = (file: string): string => readFileSync(new URL(`../../fixtures/metrics/${file}`, import.meta.url), 'utf8')

describe('hasSample and sampleValues', () => {
  const decoys = parseExposition(read('valid-substring-decoys.prom'))
  const head = parseExposition(read('agenttrader-head.prom'))

  it.each([
    ['a HELP/TYPE pair without samples', 'errors_total', false],
    ['a longer name (marketdata_errors_total)', 'marketdata_errors_total', true],
    ['a name that merely starts with the family (errors_total_created)', 'errors_total_created', true],
    ['a family that is absent', 'safety_halted_total', false],
    ['a label value that says errors_total', 'decoy_gauge', true],
  ])('decoys: %s', (_case, family, expected) => {
    expect(hasSample(decoys, family)).toBe(expected)
  })

  it('never lets a decoy satisfy errors_total', () => {
    expect(sampleValues(decoys, 'errors_total')).toEqual([])
  })

  it('finds samples of the AgentTrader registry, filtered by labels', () => {
    expect(hasSample(head, 'errors_total')).toBe(true)
    expect(hasSample(head, 'messages_received_total')).toBe(false)
    expect(sampleValues(head, 'agent_start_total', { component: 'strategy-engine' })).toEqual([0])
    expect(findSamples(head, 'agent_start_total', { component: 'execution-engine' })).toEqual([])
    expect(hasSample(head, 'errors_total', { toString: 'x' })).toBe(false)
  })
})
