import { describe, expect, it } from 'vitest'
import { ExpositionParseError } from './exposition-parse-error.ts'
import { parseOpenMetrics } from './parse-openmetrics.ts'
import { parseScrape, scrapeFormatOf } from './parse-scrape.ts'

/** Issue 19, item 7: a scrape served as OpenMetrics is parsed by OpenMetrics' rules, as Prometheus does. */
const VALID = [
  '# HELP agent_start Agent starts.',
  '# TYPE agent_start counter',
  'agent_start_total{component="marketdata-mcp-server"} 1.0',
  'agent_start_created{component="marketdata-mcp-server"} 1.7e9',
  '# TYPE heartbeat_age_seconds gauge',
  '# UNIT heartbeat_age_seconds seconds',
  'heartbeat_age_seconds 2.0 1767225600.5',
  '# EOF',
  '',
].join('\n')

const problem = (text: string) => {
  try {
    parseOpenMetrics(text)
  } catch (error) {
    if (error instanceof ExpositionParseError) return { line: error.line, found: error.found, expected: error.expected }
    throw error
  }
  return null
}

describe('parseOpenMetrics', () => {
  it('reads counters by family name with their _total samples, and timestamps in seconds', () => {
    const exposition = parseOpenMetrics(VALID)
    expect(exposition.families.get('agent_start')?.samples.map((sample) => sample.name)).toEqual(['agent_start_total', 'agent_start_created'])
    expect(exposition.families.get('heartbeat_age_seconds')?.samples).toEqual([{ name: 'heartbeat_age_seconds', labels: {}, value: 2, timestampMs: 1_767_225_600_500 }])
  })

  it('accepts "# EOF" without a final newline', () => {
    expect(problem(VALID.slice(0, -1))).toBeNull()
  })

  it.each<[string, string, number, RegExp]>([
    ['a Prometheus-text body: no # EOF', '# TYPE errors_total counter\nerrors_total 0.0\n', 2, /no "# EOF" line/],
    ['text after # EOF', `${VALID}# TYPE late gauge\n`, 9, /text after "# EOF"/],
    ['a blank line', VALID.replace('# TYPE heartbeat', '\n# TYPE heartbeat'), 5, /a blank line/],
    ['a free comment', VALID.replace('# UNIT heartbeat_age_seconds seconds', '# scraped by hand'), 6, /OpenMetrics has no free comments/],
    ['a counter sample without _total', '# TYPE errors_total counter\nerrors_total 0.0\n# EOF\n', 2, /a sample named errors_total_total or errors_total_created/],
    ['two spaces before the value', '# TYPE a gauge\na  1.0\n# EOF\n', 2, /one space|float value/],
    ['a timestamp in milliseconds that is not a number', '# TYPE a gauge\na 1.0 soon\n# EOF\n', 2, /timestamp in seconds/],
    ['an exemplar', '# TYPE a counter\na_total 1.0 # {trace_id="x"} 1.0\n# EOF\n', 2, /exemplar/],
    ['a family split in two', '# TYPE a gauge\na 1.0\n# TYPE b gauge\nb 1.0\n# TYPE a gauge\n# EOF\n', 5, /after family "b" began/],
    ['a type from the text format', '# TYPE a untyped\na 1.0\n# EOF\n', 1, /one of counter, gauge/],
    ['a series twice', '# TYPE a gauge\na{x="1"} 1.0\na{x="1"} 2.0\n# EOF\n', 3, /a second sample of series/],
    ['metadata after samples', '# TYPE a gauge\na 1.0\n# HELP a late\n# EOF\n', 3, /after its samples/],
  ])('rejects %s', (_name, text, line, found) => {
    const seen = problem(text)
    expect(seen?.line).toBe(line)
    expect(`${seen?.found} / ${seen?.expected}`).toMatch(found)
  })
})

describe('parseScrape', () => {
  it.each([
    ['text/plain; version=0.0.4; charset=utf-8', 'prometheus-text'],
    ['application/openmetrics-text; version=1.0.0; charset=utf-8', 'openmetrics'],
    ['Application/OpenMetrics-Text; version=0.0.1', 'openmetrics'],
    [null, 'prometheus-text'],
  ])('picks the parser for %s: %s', (contentType, format) => {
    expect(scrapeFormatOf(contentType)).toBe(format)
  })

  it('rejects the AgentTrader body served as OpenMetrics, and reads it served as text', () => {
    const body = '# HELP errors_total Total errors.\n# TYPE errors_total counter\nerrors_total 0.0\n'
    expect(() => parseScrape(body, 'application/openmetrics-text; version=1.0.0')).toThrow(/no "# EOF" line/)
    expect(parseScrape(body, 'text/plain; version=0.0.4').format).toBe('prometheus-text')
  })
})
