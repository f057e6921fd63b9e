import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkWithPromtool, findPromtool, parseExposition } from '../../support/metrics/index.ts'

const FIXTURES = new URL('../../fixtures/metrics/', import.meta.url)
const PROMTOOL = findPromtool()
const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.prom')).sort()

/** Bodies promtool accepts and the parser rejects on purpose; the reasons are in fixtures/metrics/README.md. */
const STRICTER_THAN_PROMTOOL = new Set([
  'invalid-duplicate-sample.prom',
  'invalid-interleaved-family.prom',
  'invalid-text-after-eof.prom',
  'invalid-type-without-type.prom',
  'invalid-help-without-name.prom',
  'invalid-uppercase-type.prom',
  'invalid-gauge-histogram-type.prom',
  'invalid-value-glued-to-name.prom',
])

function parserVerdict(text: string): 'valid' | 'invalid' {
  try {
    parseExposition(text)
    return 'valid'
  } catch {
    return 'invalid'
  }
}

describe.skipIf(PROMTOOL === undefined)('the parser agrees with `promtool check metrics` (promtool not installed: skipped)', () => {
  it('has fixtures of both kinds', () => {
    expect(files.filter((file) => file.startsWith('valid-')).length).toBeGreaterThan(5)
    expect(files.filter((file) => file.startsWith('invalid-')).length).toBeGreaterThan(20)
  })

  it.each(files)('%s', async (file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8')
    const promtool = await checkWithPromtool(text, { promtoolPath: PROMTOOL })
    const expected = STRICTER_THAN_PROMTOOL.has(file) ? { promtool: 'valid', parser: 'invalid' } : { promtool: promtool.syntax, parser: promtool.syntax }
    expect({ promtool: promtool.syntax, parser: parserVerdict(text) }).toEqual(expected)
    // @note the file name states the parser's verdict, so a fixture cannot silently change sides.
    expect(parserVerdict(text)).toBe(file.startsWith('invalid-') ? 'invalid' : 'valid')
  })

  it('tells lint findings apart from parse errors', async () => {
    const lint = await checkWithPromtool('# TYPE orders counter\norders 1.0\n', { promtoolPath: PROMTOOL })
    expect(lint).toEqual({ syntax: 'valid', exitCode: 3, lintFindings: ['orders counter metrics should have "_total" suffix', 'orders no help text'] })
    const broken = await checkWithPromtool('# TYPE a gauge\na banana\n', { promtoolPath: PROMTOOL })
    expect(broken).toEqual({
      syntax: 'invalid',
      exitCode: 1,
      lintFindings: [],
      parseError: 'text format parsing error in line 2: expected float as value, got "banana"',
    })
  })
})
