import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MetricFamily, Sample } from '../../support/metrics/exposition.ts'
import { renderExposition } from '../../emulators/ops/internal/render-exposition.ts'
import { judgeMetricContract, REQUIRED_METRICS } from '../../support/metrics/metric-contract.ts'

/**
 * The reference rule, written independently of the parser and line by line from the text format: a metric is
 * present when some line that is not a comment starts with exactly its name, followed by `{` or a blank, and then a
 * value. Valid only for well-formed text, which is all the property needs: a body that does not parse never passes.
 */
function referenceHasSample(body: string, name: string): boolean {
  return body.split('\n').some((line) => {
    if (line.startsWith('#')) return false
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?[ \t]+\S+/.exec(line)
    return match !== null && match[1] === name
  })
}

/** Names that are required, or look like them: longer names, prefixes, histogram series, other cases. */
const DECOYS = REQUIRED_METRICS.flatMap((name) => [`marketdata_${name}`, `${name}_created`, name.replace(/_total$/, ''), name.toUpperCase()])
const metricName = fc.constantFrom(...REQUIRED_METRICS, ...DECOYS)
const labelValue = fc.oneof(fc.constantFrom(...REQUIRED_METRICS, '} 1.0', '\\', '"', '\n'), fc.string({ maxLength: 8 }))

const family: fc.Arbitrary<MetricFamily> = fc
  .record({
    name: metricName,
    type: fc.constantFrom<MetricFamily['type']>('counter', 'gauge', 'untyped', 'histogram', 'summary'),
    help: fc.option(fc.constantFrom(...REQUIRED_METRICS.map((name) => `mentions ${name}`)), { nil: undefined }),
    labelSets: fc.uniqueArray(labelValue, { maxLength: 2 }),
  })
  .map(({ name, type, help, labelSets }) => {
    const samples: Sample[] = labelSets.flatMap((component, index): Sample[] =>
      type === 'histogram'
        ? [
            { name: `${name}_bucket`, labels: { component, le: '+Inf' }, value: index },
            { name: `${name}_sum`, labels: { component }, value: 1 },
            { name: `${name}_count`, labels: { component }, value: index },
          ]
        : type === 'summary'
          ? [
              { name: `${name}_sum`, labels: { component }, value: 1 },
              { name: `${name}_count`, labels: { component }, value: index },
            ]
          : [{ name, labels: { component }, value: index }],
    )
    const built: MetricFamily = help === undefined ? { name, type, samples } : { name, type, help, samples }
    return built
  })

/** Well-formed bodies (distinct family names), sometimes with a comment line naming a required metric. */
const body = fc
  .tuple(fc.uniqueArray(family, { selector: (f) => f.name, maxLength: 14 }), fc.option(fc.constantFrom(...REQUIRED_METRICS), { nil: undefined }))
  .map(([families, commented]) => `${commented ? `# ${commented} 1.0\n` : ''}${renderExposition(families)}`)

describe('judgeMetricContract never passes what the reference rule fails', () => {
  it('a required metric it calls present has a sample line of exactly that name', () => {
    fc.assert(
      fc.property(body, (text) => {
        const judgement = judgeMetricContract(text)
        if (!judgement.parsed) return
        for (const name of REQUIRED_METRICS) {
          if (!judgement.missing.includes(name)) expect(referenceHasSample(text, name), `${name} in\n${text}`).toBe(true)
        }
      }),
      { numRuns: 1_000 },
    )
  })

  it('and a body that passes passes the reference for every required metric', () => {
    const complete = REQUIRED_METRICS.map((name): MetricFamily => ({ name, type: 'counter', samples: [{ name, labels: {}, value: 1 }] }))
    fc.assert(
      fc.property(fc.uniqueArray(family, { selector: (f) => f.name, maxLength: 10 }), (decoys) => {
        const names = new Set(decoys.map((f) => f.name))
        const text = renderExposition([...complete.filter((f) => !names.has(f.name)), ...decoys])
        const judgement = judgeMetricContract(text)
        const passes = judgement.parsed && judgement.missing.length === 0
        if (passes) expect(REQUIRED_METRICS.every((name) => referenceHasSample(text, name))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
