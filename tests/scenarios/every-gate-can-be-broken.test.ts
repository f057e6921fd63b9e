import { describe, expect, it } from 'vitest'
import { loadScenarios } from '../../emulators/index.ts'
import { GATE_MANIFEST } from '../../support/gates/gate-manifest.ts'

/**
 * A gate that no scenario breaks is a gate whose NO-GO nobody has ever seen: it could pass everything. Every gate
 * of the manifest needs at least one scenario that fails it or leaves it unverified, and the matrix runs them all.
 */
const scenarios = loadScenarios()

describe('every gate of the manifest has a scenario that turns it NO-GO', () => {
  it.each(GATE_MANIFEST.map((gate) => [gate.id] as const))('%s', (gate) => {
    const breaking = scenarios.filter((scenario) => scenario.expect.some((entry) => entry.gate === gate)).map((scenario) => scenario.name)
    expect(
      breaking,
      `no scenario under emulators/scenarios/ fails gate ${gate} or leaves it unverified; add one (docs/WRITING-A-GATE.md), then regenerate the catalog`,
    ).not.toEqual([])
  })

  it('and every gate is actually failed (not only left unverified) by at least one scenario', () => {
    const neverFailed = GATE_MANIFEST.map((gate) => gate.id).filter(
      (gate) => !scenarios.some((scenario) => scenario.expect.some((entry) => entry.gate === gate && entry.status === 'fail')),
    )
    expect(neverFailed, 'gates no scenario makes fail: an unverified-only gate has never been seen to catch its fault').toEqual([])
  })
})
