import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MetricFamily, Sample } from '../../support/metrics/exposition.ts'
import { ExpositionParseError } from '../../support/metrics/exposition-parse-error.ts'
import { parseExposition } from '../../support/metrics/parse-exposition.ts'
import { formatPythonFloat } from '../../emulators/ops/internal/python-float.ts'
import { renderExposition } from '../../emulators/ops/internal/render-exposition.ts'

/** Text biased towards the characters the format escapes or treats specially. */
const tricky = (options: { minLength?: number; maxLength: number }) =>
  fc.string({
    ...options,
    unit: fc.oneof(fc.constantFrom('\\', '"', '\n', '\r', ' ', '\t', '{', '}', '=', ',', '#'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  })
const labelName = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/)
  .filter((name) => name !== '__name__' && name !== 'le' && name !== 'quantile')
const labelSet = fc
  .uniqueArray(fc.tuple(labelName, tricky({ maxLength: 12 })), { selector: ([name]) => name, maxLength: 3 })
  .map((entries) => Object.fromEntries(entries) as Record<string, string>)
const timestamp = fc.option(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), { nil: undefined })
// @note the parser drops blanks before HELP text and the renderer omits an empty HELP, so neither is generated.
const help = fc.option(tricky({ minLength: 1, maxLength: 30 }).filter((text) => !/^[ \t]/.test(text)), { nil: undefined })

function sample(name: string, labels: Record<string, string>, value: number, timestampMs: number | undefined): Sample {
  return timestampMs === undefined ? { name, labels, value } : { name, labels, value, timestampMs }
}

/** Series of a counter, gauge or untyped family: one sample per distinct label set. */
const plainSamples = (name: string) =>
  fc.uniqueArray(fc.tuple(labelSet, fc.double(), timestamp), { selector: ([labels]) => JSON.stringify(Object.entries(labels).sort()), maxLength: 4 })
    .map((rows) => rows.map(([labels, value, ts]) => sample(name, labels, value, ts)))

/** One histogram or summary child: its bucket/quantile samples, then _sum and _count. */
const child = (name: string, kind: 'histogram' | 'summary', labels: Record<string, string>) =>
  fc.tuple(fc.uniqueArray(fc.double({ noNaN: true }), { minLength: 1, maxLength: 4, selector: formatPythonFloat }), fc.double(), fc.double()).map(([bounds, sum, count]) => [
    ...bounds.map((bound, i) =>
      kind === 'histogram'
        ? sample(`${name}_bucket`, { ...labels, le: formatPythonFloat(bound) }, i, undefined)
        : sample(name, { ...labels, quantile: formatPythonFloat(bound) }, i, undefined),
    ),
    sample(`${name}_sum`, labels, sum, undefined),
    sample(`${name}_count`, labels, count, undefined),
  ])

const family = (name: string): fc.Arbitrary<MetricFamily> =>
  fc.constantFrom('counter', 'gauge', 'untyped', 'histogram', 'summary').chain((type) => {
    const samples =
      type === 'histogram' || type === 'summary'
        ? fc.uniqueArray(labelSet, { selector: (labels) => JSON.stringify(Object.entries(labels).sort()), maxLength: 2 })
            .chain((sets) => (sets.length === 0 ? fc.constant<Sample[][]>([]) : fc.tuple(...sets.map((labels) => child(name, type, labels)))))
            .map((children) => children.flat())
        : plainSamples(name)
    return fc.record({ help, samples }).map(({ help, samples }) => (help === undefined ? { name, type, samples } : { name, type, help, samples }))
  })

// @note every name ends in `_f<index>`, so no family name is another's name plus _bucket/_sum/_count.
const model = fc
  .array(fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,10}$/), { maxLength: 5 })
  .chain((bases) => (bases.length === 0 ? fc.constant<MetricFamily[]>([]) : fc.tuple(...bases.map((base, i) => family(`${base}_f${i}`)))))

describe('parseExposition properties', () => {
  it('gives back the model it was rendered from', () => {
    fc.assert(
      fc.property(model, (families) => {
        const parsed = parseExposition(renderExposition(families))
        expect([...parsed.families.values()]).toEqual(families)
      }),
      { numRuns: 300 },
    )
  })

  const syntax = fc.constantFrom(...'a_:{}",= \t\n#\\1.e+-infNaHELPTYPEcountergauge'.split(''), '# HELP ', '# TYPE ', '# EOF\n', 'le="', '_bucket')
  const garbage = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: syntax, maxLength: 40 }))
  const mutated = fc
    .tuple(model, fc.nat(), fc.string({ unit: syntax, maxLength: 3 }), fc.nat({ max: 3 }))
    .map(([families, at, insert, remove]) => {
      const text = renderExposition(families)
      const position = text.length === 0 ? 0 : at % text.length
      return text.slice(0, position) + insert + text.slice(position + remove)
    })

  it.each([
    ['random text', garbage],
    ['a valid body with a few characters changed', mutated],
  ])('never throws anything but ExpositionParseError on %s', (_case, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        try {
          parseExposition(text)
        } catch (error) {
          expect(error).toBeInstanceOf(ExpositionParseError)
          expect((error as ExpositionParseError).line).toBeGreaterThanOrEqual(1)
        }
      }),
      { numRuns: 500 },
    )
  })
})
