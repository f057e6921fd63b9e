import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseExposition } from '../../support/metrics/parse-exposition.ts'
import { renderExposition } from '../../emulators/ops/internal/render-exposition.ts'

const FIXTURES = new URL('../../fixtures/metrics/', import.meta.url)

describe('renderExposition', () => {
  it.each(['agenttrader-head.prom', 'valid-agenttrader-never-ticked.prom'])('writes %s back byte for byte', (file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8')
    expect(renderExposition(parseExposition(text).families.values())).toBe(text)
  })

  it('escapes HELP text and label values', () => {
    const text = renderExposition([
      { name: 'a', type: 'gauge', help: 'back\\slash\nnew "line"', samples: [{ name: 'a', labels: { x: 'q"b\\n\n' }, value: 1, timestampMs: 5 }] },
    ])
    expect(text).toBe('# HELP a back\\\\slash\\nnew "line"\n# TYPE a gauge\na{x="q\\"b\\\\n\\n"} 1.0 5\n')
  })

  it('omits an empty HELP and takes a value formatter', () => {
    const text = renderExposition([{ name: 'a', type: 'untyped', help: '', samples: [{ name: 'a', labels: {}, value: Infinity }] }], {
      formatValue: (value) => (value === Infinity ? '+Inf' : String(value)),
    })
    expect(text).toBe('# TYPE a untyped\na +Inf\n')
  })
})
