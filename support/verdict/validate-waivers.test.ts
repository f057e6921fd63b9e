import { describe, expect, it } from 'vitest'
import { validateWaivers } from './validate-waivers.ts'

const NOW = new Date('2026-11-25T12:00:00.000Z')
const waiver = (overrides: Record<string, unknown> = {}) => ({
  check: 'metrics/strategy-engine.ops-status',
  owner: 'alice',
  ticket: 'OPS-42',
  reason: 'strategy-engine ops endpoint is being redeployed',
  expires: '2026-11-27T12:00:00Z',
  ...overrides,
})
const validate = (waivers: unknown[]) => validateWaivers({ waivers }, NOW, 'waivers.yaml')

describe('validateWaivers', () => {
  it('accepts a complete waiver that expires within 7 days', () => {
    expect(validate([waiver()])).toEqual({ waivers: [waiver()], problems: [] })
  })

  it('accepts a missing or empty document as no waivers', () => {
    expect(validateWaivers(null, NOW, 'waivers.yaml')).toEqual({ waivers: [], problems: [] })
    expect(validate([])).toEqual({ waivers: [], problems: [] })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['expired', { expires: '2026-11-25T11:59:59Z' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status") expired at 2026-11-25T11:59:59Z (run at 2026-11-25T12:00:00.000Z); fix the check or renew the waiver'],
    ['expiring right now', { expires: '2026-11-25T12:00:00Z' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status") expired at 2026-11-25T12:00:00Z (run at 2026-11-25T12:00:00.000Z); fix the check or renew the waiver'],
    ['more than 7 days ahead', { expires: '2026-12-02T12:00:01Z' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status") expires 2026-12-02T12:00:01Z, more than 7 days after the run (2026-11-25T12:00:00.000Z); a waiver may reach at most 2026-12-02T12:00:00.000Z'],
    ['not UTC', { expires: '2026-11-27T08:00:00-05:00' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status"): expires must be a UTC ISO time such as 2026-11-27T13:00:00Z'],
    ['a date only', { expires: '2026-11-27' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status"): expires must be a UTC ISO time such as 2026-11-27T13:00:00Z'],
    ['without a ticket', { ticket: undefined }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status"): ticket is required (a text)'],
    ['with a blank owner', { owner: '  ' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status"): owner is empty'],
    ['with an unknown field', { approvedBy: 'bob' }, 'waiver rejected: waivers.yaml: waiver #1 ("metrics/strategy-engine.ops-status"): the entry has unknown field(s) approvedBy; a waiver has check, owner, ticket, reason and expires'],
    ['naming no gate', { check: 'ops-status' }, 'waiver rejected: waivers.yaml: waiver #1 ("ops-status"): check must read "<gate>/<check-id>", e.g. "metrics/strategy-engine.ops-status"'],
    ['naming an unknown gate', { check: 'nope/x' }, 'waiver rejected: waivers.yaml: waiver #1 ("nope/x"): check must start with a gate id: session, data-seeded, paper-execution, kill-switch, metrics, marketdata-freshness, cluster-health'],
    ['naming a kill-switch check', { check: 'kill-switch/halted' }, 'waiver rejected: waivers.yaml: waiver #1 ("kill-switch/halted"): check names a gate whose checks can never be waived (paper-execution, kill-switch)'],
    ['naming a paper-execution check', { check: 'paper-execution/paper-broker-host' }, 'waiver rejected: waivers.yaml: waiver #1 ("paper-execution/paper-broker-host"): check names a gate whose checks can never be waived (paper-execution, kill-switch)'],
  ])('rejects a waiver %s, naming it', (_, overrides, message) => {
    expect(validate([waiver(overrides)])).toEqual({ waivers: [], problems: [{ severity: 'fail', message }] })
  })

  it('rejects a second waiver of the same check and keeps the first', () => {
    const result = validate([waiver(), waiver({ ticket: 'OPS-43' })])
    expect(result.waivers).toEqual([waiver()])
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'waiver rejected: waivers.yaml: waiver #2 ("metrics/strategy-engine.ops-status") waives metrics/strategy-engine.ops-status a second time; keep one waiver per check',
    ])
  })

  it('rejects a file that is not a list of waivers', () => {
    expect(validateWaivers({ waiver: [] }, NOW, 'w.yaml').problems.map((problem) => problem.message)).toEqual([
      'waiver rejected: w.yaml: waivers must be a list of waivers; expected "waivers:" followed by a list',
    ])
    expect(validateWaivers([waiver()], NOW, 'w.yaml').problems.map((problem) => problem.message)).toEqual([
      'waiver rejected: w.yaml: the file is not a mapping; expected "waivers:" followed by a list',
    ])
    expect(validate(['metrics/x']).problems.map((problem) => problem.message)).toEqual([
      'waiver rejected: waivers.yaml: waiver #1: the entry is not a mapping',
    ])
  })
})
