import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkOpenMetricsWithPromtool, findPromtool, parseOpenMetrics } from '../../support/metrics/index.ts'

const FIXTURES = new URL('../../fixtures/metrics/openmetrics/', import.meta.url)
const PROMTOOL = findPromtool()
const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.om')).sort()

/** Bodies promtool's OpenMetrics parser accepts and openbell's rejects on purpose; fixtures/metrics/openmetrics/README.md says why. */
const STRICTER_THAN_PROMTOOL = new Set(['invalid-counter-sample-without-total-suffix.om', 'invalid-exemplar.om'])

function parserVerdict(text: string): 'valid' | 'invalid' {
  try {
    parseOpenMetrics(text)
    return 'valid'
  } catch {
    return 'invalid'
  }
}

describe('the OpenMetrics fixtures name the parser’s verdict (issue 19)', () => {
  it.each(files)('%s', (file) => {
    expect(parserVerdict(readFileSync(new URL(file, FIXTURES), 'utf8'))).toBe(file.startsWith('invalid-') ? 'invalid' : 'valid')
  })
})

describe.skipIf(PROMTOOL === undefined)('the OpenMetrics parser agrees with `promtool tsdb create-blocks-from openmetrics` (promtool not installed: skipped)', () => {
  it.each(files)('%s', async (file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8')
    const promtool = await checkOpenMetricsWithPromtool(text, { promtoolPath: PROMTOOL })
    const expected = STRICTER_THAN_PROMTOOL.has(file) ? { promtool: 'valid', parser: 'invalid' } : { promtool: promtool.syntax, parser: promtool.syntax }
    expect({ promtool: promtool.syntax, parser: parserVerdict(text) }).toEqual(expected)
  })

  it('says why promtool refuses a Prometheus-text body served as OpenMetrics', async () => {
    const text = readFileSync(new URL('invalid-prometheus-text-without-eof.om', FIXTURES), 'utf8')
    expect(await checkOpenMetricsWithPromtool(text, { promtoolPath: PROMTOOL })).toEqual({
      syntax: 'invalid',
      exitCode: 1,
      parseError: 'getting min and max timestamp: next: data does not end with # EOF',
    })
  })
})
