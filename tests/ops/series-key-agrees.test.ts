/**
 * The ops stand-in reads the series keys of scenario data with its own grammar; here it must read every key the way
 * openbell's exposition parser reads it as a sample line, so neither can drift alone.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSeriesKey } from '../../emulators/ops/internal/series-key.ts'
import { parseExposition } from '../../support/metrics/index.ts'

function readByOpenbell(key: string): { name: string; labels: Record<string, string> } | undefined {
  try {
    const families = [...parseExposition(`${key} 0\n`).families.values()]
    const sample = families.length === 1 ? families[0]?.samples[0] : undefined
    return sample === undefined ? undefined : { name: sample.name, labels: { ...sample.labels } }
  } catch {
    return undefined
  }
}

const name = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/)
const value = fc.string({ maxLength: 6, unit: fc.constantFrom('a', ' ', '"', '\\', '\n', 'é', '{', '}', ',', '=') })
const escape = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')
const wellFormed = fc
  .tuple(name, fc.uniqueArray(fc.tuple(name, value), { maxLength: 3, selector: ([label]) => label }))
  .map(([metric, labels]) => `${metric}{${labels.map(([label, text]) => `${label}="${escape(text)}"`).join(',')}}`)
const anything = fc.string({ maxLength: 24, unit: fc.constantFrom('a', '_', '1', '{', '}', '"', '=', ',', ' ', '\\') })

describe('the ops stand-in reads series keys as openbell does', () => {
  it('reads every well-formed key as openbell does', () => {
    fc.assert(
      fc.property(wellFormed, (key) => {
        expect(parseSeriesKey(key)).toEqual(readByOpenbell(key))
      }),
      { numRuns: 300 },
    )
  })

  // @note stricter, not looser: `a 1` reads as a sample with a timestamp to openbell, and is no series key to the stand-in.
  it('accepts nothing openbell would read differently', () => {
    fc.assert(
      fc.property(anything, (key) => {
        const read = parseSeriesKey(key)
        if (read !== undefined) expect(read).toEqual(readByOpenbell(key))
      }),
      { numRuns: 500 },
    )
  })
})
