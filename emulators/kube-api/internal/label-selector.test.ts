import { describe, expect, it } from 'vitest'
import { KubeStatusError } from './kube-status.ts'
import { matchesLabelSelector, parseLabelSelector } from './label-selector.ts'

const LABELS = { app: 'gamma-strategy', strategy: 'gamma', 'app.kubernetes.io/part-of': 'agenttrader-v2' }

describe('parseLabelSelector + matchesLabelSelector', () => {
  it.each([
    ['', true],
    ['app=gamma-strategy', true],
    ['app==gamma-strategy', true],
    ['app = gamma-strategy', true],
    ['app!=gamma-strategy', false],
    ['app!=whale-strategy', true],
    ['missing!=x', true],
    ['app.kubernetes.io/part-of=agent-trader-v2', false],
    ['app.kubernetes.io/part-of=agenttrader-v2,strategy=gamma', true],
    ['strategy in (gamma, whale)', true],
    ['strategy in (whale)', false],
    ['strategy notin (whale)', true],
    ['missing notin (whale)', true],
    ['strategy notin (gamma,whale)', false],
    ['strategy', true],
    ['missing', false],
    ['!missing', true],
    ['!strategy', false],
    ['strategy in (gamma,whale),app.kubernetes.io/part-of,!missing', true],
  ])('%j matches: %s', (selector, expected) => {
    expect(matchesLabelSelector(parseLabelSelector(selector), LABELS)).toBe(expected)
  })

  it('treats an object without labels as having none', () => {
    expect(matchesLabelSelector(parseLabelSelector('!app'), undefined)).toBe(true)
    expect(matchesLabelSelector(parseLabelSelector('app'), undefined)).toBe(false)
  })

  it.each(['app=a b', 'app in gamma', '=x', 'app>1'])('answers 400 BadRequest for %j', (selector) => {
    let caught: unknown
    try {
      parseLabelSelector(selector)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(KubeStatusError)
    expect((caught as KubeStatusError).status).toMatchObject({ code: 400, reason: 'BadRequest' })
  })
})
