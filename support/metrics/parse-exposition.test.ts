import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ExpositionParseError } from './exposition-parse-error.ts'
import { parseExposition } from './parse-exposition.ts'

const FIXTURES = new URL('../../fixtures/metrics/', import.meta.url)
const readFixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8')

function parseError(text: string): ExpositionParseError {
  try {
    parseExposition(text)
  } catch (error) {
    if (error instanceof ExpositionParseError) return error
    throw error
  }
  throw new Error('expected an ExpositionParseError, but the text parsed')
}

describe('the AgentTrader registry body (reference §4)', () => {
  const exposition = parseExposition(readFixture('agenttrader-head.prom'))

  it('has the 12 families in registry order, with their types', () => {
    expect([...exposition.families.values()].map((family) => [family.name, family.type])).toEqual([
      ['agent_start_total', 'counter'],
      ['errors_total', 'counter'],
      ['heartbeat_age_seconds', 'gauge'],
      ['marketdata_stale_total', 'counter'],
      ['marketdata_ticks_total', 'counter'],
      ['messages_published_total', 'counter'],
      ['messages_received_total', 'counter'],
      ['order_proposals_total', 'counter'],
      ['reconnect_attempts_total', 'counter'],
      ['safety_halted_total', 'counter'],
      ['strategy_cycles_skipped_total', 'counter'],
      ['strategy_cycles_total', 'counter'],
    ])
  })

  it('keeps HELP-and-TYPE-only families with zero samples', () => {
    expect(exposition.families.get('messages_received_total')).toEqual({
      name: 'messages_received_total',
      type: 'counter',
      help: 'Total messages received from upstream connections, labeled by component and stream.',
      samples: [],
    })
  })

  it('reads labeled counters whose names already end in _total', () => {
    expect(exposition.families.get('agent_start_total')?.samples).toEqual([
      { name: 'agent_start_total', labels: { component: 'marketdata-mcp-server' }, value: 0 },
      { name: 'agent_start_total', labels: { component: 'strategy-engine' }, value: 0 },
    ])
  })
})

describe('valid bodies', () => {
  it.each([
    ['valid-python-client.prom', 14],
    ['valid-go-client.prom', 9],
    ['valid-special-values.prom', 2],
    ['valid-timestamps.prom', 1],
    ['valid-layout.prom', 2],
    ['valid-openmetrics-eof.prom', 1],
    ['valid-help-type-only.prom', 3],
    ['valid-counter-without-total.prom', 2],
    ['valid-empty.prom', 0],
    ['valid-substring-decoys.prom', 4],
    ['valid-agenttrader-never-ticked.prom', 2],
  ])('%s parses into %i families', (file, count) => {
    expect(parseExposition(readFixture(file)).families.size).toBe(count)
  })

  it('groups a Python histogram into its family and keeps its _created gauge apart', () => {
    const families = parseExposition(readFixture('valid-python-client.prom')).families
    const histogram = families.get('request_latency_seconds')
    expect(histogram?.type).toBe('histogram')
    expect(histogram?.samples.map((sample) => sample.name)).toEqual([
      ...Array(5).fill('request_latency_seconds_bucket'),
      'request_latency_seconds_count',
      'request_latency_seconds_sum',
    ])
    expect(histogram?.samples[4]).toEqual({ name: 'request_latency_seconds_bucket', labels: { le: '+Inf', route: 'status' }, value: 42 })
    expect(families.get('request_latency_seconds_created')?.type).toBe('gauge')
    expect(families.get('queue_wait_seconds')?.samples.map((sample) => sample.value)).toEqual([7, 0.0123])
  })

  it('groups a Go summary with quantiles, _sum and _count', () => {
    const summary = parseExposition(readFixture('valid-go-client.prom')).families.get('go_gc_duration_seconds')
    expect(summary?.type).toBe('summary')
    expect(summary?.samples.map((sample) => sample.labels.quantile ?? sample.name)).toEqual([
      '0', '0.25', '0.5', '0.75', '1', 'go_gc_duration_seconds_sum', 'go_gc_duration_seconds_count',
    ])
  })

  it('unescapes HELP text and label values', () => {
    const families = parseExposition(readFixture('valid-python-client.prom')).families
    expect(families.get('last_error_info')?.help).toBe('Last error, with a "quoted" \\ backslash and a\nnewline in its help.')
    expect(families.get('last_error_info')?.samples[0]?.labels).toEqual({ message: 'quote " backslash \\ newline \n end' })
  })

  it.each([
    ['inf', Infinity], ['-inf', -Infinity], ['nan', NaN], ['tiny', 1.6689300537109375e-6], ['zero', 0], ['negative zero', -0],
  ])('reads the Python value %s', (label, value) => {
    const family = parseExposition(readFixture('valid-special-values.prom')).families.get('python_style')
    expect(family?.samples.find((sample) => sample.labels.case === label)?.value).toEqual(value)
  })

  it.each([
    ['+Inf', Infinity], ['-Inf', -Infinity], ['NaN', NaN], ['integer', 12], ['exponent', 1e5], ['leading dot', 0.5],
    ['trailing dot', 5], ['plus sign', 1], ['Infinity', Infinity], ['underflow', 0],
  ])('reads the Go value %s', (label, value) => {
    const family = parseExposition(readFixture('valid-special-values.prom')).families.get('go_style')
    expect(family?.samples.find((sample) => sample.labels.case === label)?.value).toEqual(value)
  })

  it('reads optional integer timestamps', () => {
    const samples = parseExposition(readFixture('valid-timestamps.prom')).families.get('last_scrape_value')?.samples
    expect(samples?.map((sample) => sample.timestampMs)).toEqual([1768391424562, -5, 7, undefined])
  })

  it('accepts blank lines, comments, "#HELP", tabs, blanks inside label sets and a trailing comma', () => {
    const families = parseExposition(readFixture('valid-layout.prom')).families
    expect(families.get('layout_total')?.samples.map((sample) => [sample.labels, sample.value])).toEqual([
      [{ a: '1' }, 1], [{ a: '2', b: 'x' }, 2], [{ a: '3' }, 3], [{ a: '4' }, 4], [{}, 5], [{ a: '6' }, 6],
    ])
    expect(families.get('layout_total')?.help).toBe('HELP without a space after the hash, as Prometheus allows.')
    expect(families.get('layout_gauge')?.help).toBe('HELP after TYPE is fine;  inner  blanks   and trailing blanks stay.  ')
  })

  it('keeps families without a TYPE line as untyped, and HELP-only families', () => {
    const families = parseExposition(readFixture('valid-help-type-only.prom')).families
    expect(families.get('help_only_total')).toEqual({ name: 'help_only_total', type: 'untyped', help: 'A family with only a HELP line.', samples: [] })
    expect(families.get('type_only_total')).toEqual({ name: 'type_only_total', type: 'counter', samples: [] })
  })

  it('keeps a label named __proto__ as a plain label', () => {
    const sample = parseExposition('a{__proto__="x"} 1\n').families.get('a')?.samples[0]
    expect(Object.getPrototypeOf(sample?.labels)).toBe(Object.prototype)
    expect(Object.keys(sample?.labels ?? {})).toEqual(['__proto__'])
  })
})

describe('malformed bodies', () => {
  it.each([
    ['garbage-value', 3, '"banana"', 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'],
    ['missing-value', 3, 'the end of the line', 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'],
    ['overflow-value', 3, '"1e400"', 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'],
    ['hex-float-value', 3, '"0x1p4"', 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'],
    ['value-glued-to-name', 3, '"a_total-1"', 'a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*'],
    ['duplicate-type', 3, 'a second TYPE line for family "a_total"', 'one TYPE line per family (the first is on line 2)'],
    ['duplicate-help', 2, 'a second HELP line for family "a_total"', 'one HELP line per family (the first is on line 1)'],
    ['type-after-samples', 3, 'a TYPE line for family "a_total" after its samples', 'the TYPE line before the first sample of its family'],
    ['unknown-type', 2, '"info"', 'one of counter, gauge, histogram, summary, untyped'],
    ['uppercase-type', 2, '"COUNTER"', 'one of counter, gauge, histogram, summary, untyped'],
    ['gauge-histogram-type', 2, '"gauge_histogram"', 'one of counter, gauge, histogram, summary, untyped'],
    ['type-without-type', 2, 'a TYPE line for "a_total" without a type', 'one of counter, gauge, histogram, summary, untyped'],
    ['help-without-name', 1, 'a HELP line without a metric name', '"# HELP <metric name> <text>"'],
    ['bad-metric-name', 3, '"1a_total"', 'a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*'],
    ['bad-metric-name-in-type', 1, '"1a"', 'a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]* in the TYPE line'],
    ['bad-label-name', 3, '"1x=\\"1\\"} 1.0"', 'a label name matching [a-zA-Z_][a-zA-Z0-9_]* or "}"'],
    ['reserved-label-name', 3, 'the reserved label name "__name__"', 'any other label name'],
    ['double-comma', 3, '",} 1.0"', 'a label name matching [a-zA-Z_][a-zA-Z0-9_]* or "}"'],
    ['unquoted-label-value', 3, '"1"', `'"' at the start of the value of label "x"`],
    ['unterminated-quote', 3, 'the end of the line inside the value of label "x"', `a closing '"'`],
    ['missing-closing-brace', 3, '"1"', '"," or "}" after the value of label "x"'],
    ['bad-escape-label', 3, '"\\\\q"', 'one of the escapes \\\\, \\" or \\n in a label value'],
    ['bad-escape-help', 1, '"\\\\q"', 'one of the escapes \\\\ or \\n in HELP text'],
    ['duplicate-label', 3, 'a second label "x" in one sample', 'each label name at most once per sample'],
    ['duplicate-sample', 4, 'a second sample of series a_total{x="1",y="2"}', 'each series only once (the first is on line 3)'],
    ['interleaved-family', 7, 'a sample of family "a_total" after family "b_total" began', 'all lines of family "a_total" in one block (it began on line 1)'],
    ['text-after-eof', 5, 'text after "# EOF"', 'nothing after the "# EOF" line'],
    ['float-timestamp', 3, '"1.5"', 'an integer timestamp in milliseconds (int64)'],
    ['text-after-timestamp', 3, '" 3"', 'the end of the line after the timestamp'],
    ['trailing-blank', 3, 'blanks at the end of the line', 'an integer timestamp, or the end of the line right after the value'],
    ['crlf-line-end', 3, '"1.0\\r"', 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'],
    ['missing-final-newline', 3, 'a last line without a newline ("a_total 1.0")', 'every line, the last one too, to end with "\\n"'],
    ['bad-histogram-le', 3, '"le=\\"high\\""', 'a float in the "le" label of a histogram'],
    ['bad-summary-quantile', 3, '"quantile=\\"median\\""', 'a float in the "quantile" label of a summary'],
  ])('invalid-%s.prom is rejected at line %i', (name, line, found, expected) => {
    const error = parseError(readFixture(`invalid-${name}.prom`))
    expect({ line: error.line, found: error.found, expected: error.expected }).toEqual({ line, found, expected })
  })

  it('says where, what was found, what was expected and what to do, word for word', () => {
    expect(parseError('# TYPE a gauge\na banana\n').message).toBe(
      '[openbell] The metrics text is malformed at line 2: found "banana", expected a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf). ' +
        'Check the body with `promtool check metrics` and fix the exporter that wrote it.',
    )
  })

  it('is a could-not-check error, so a gate reports the check as unverified', async () => {
    const { isCouldNotCheck } = await import('../errors.ts')
    expect(isCouldNotCheck(parseError('a\n'))).toBe(true)
  })

  it.each([
    ['a histogram bucket of another family splits the first', '# TYPE h histogram\nh_bucket{le="+Inf"} 1\n# TYPE g gauge\ng 1\nh_sum 1\n', 5],
    ['a HELP line for an earlier family', '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# HELP a late\n', 5],
    ['a TYPE line interrupted by another family', '# HELP a x\n# TYPE b gauge\n# TYPE a gauge\n', 3],
  ])('rejects interleaving: %s', (_case, text, line) => {
    expect(parseError(text).line).toBe(line)
  })
})
