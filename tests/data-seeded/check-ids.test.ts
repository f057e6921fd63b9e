import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DATA_SEEDED_CHECKS } from '../../support/data/data-seeded-checks.ts'

/**
 * Check ids are API (waivers and reports use them): the spec and `openbell seed`'s read-back must name the same
 * checks, with the same titles, in the same order.
 */
describe('gate data-seeded', () => {
  it('declares exactly the checks of DATA_SEEDED_CHECKS, titled alike', () => {
    const spec = readFileSync(new URL('../../specs/data-seeded.spec.ts', import.meta.url), 'utf8')
    const declared = [...spec.matchAll(/it\((['"])(.+?)\1, \{ meta: \{ check: '([^']+)' \} \}/g)].map((match) => [match[3], match[2]])
    expect(declared).toEqual(Object.entries(DATA_SEEDED_CHECKS))
  })
})
