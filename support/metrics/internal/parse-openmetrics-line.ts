import { ExpositionParseError } from '../exposition-parse-error.ts'
import type { Sample } from '../exposition.ts'
import { LineCursor } from './line-cursor.ts'
import { isMetricName, quote } from './names.ts'
import { parseLabels } from './parse-labels.ts'
import { parseSampleValue } from './parse-number.ts'
import { VALUE_EXPECTED } from './parse-sample-line.ts'
import { unescapeHelp } from './unescape.ts'

/** The metric types OpenMetrics 1.0 defines. */
export const OPENMETRICS_TYPES = ['counter', 'gauge', 'histogram', 'gaugehistogram', 'stateset', 'info', 'summary', 'unknown'] as const

/** One of {@link OPENMETRICS_TYPES}. */
export type OpenMetricsType = (typeof OPENMETRICS_TYPES)[number]

/** A metadata line of OpenMetrics: HELP, TYPE or UNIT (the only comments it allows besides `# EOF`). */
export type OpenMetricsMetadata =
  | { readonly kind: 'help'; readonly name: string; readonly help: string }
  | { readonly kind: 'type'; readonly name: string; readonly type: OpenMetricsType }
  | { readonly kind: 'unit'; readonly name: string }

/** Parses `# HELP|TYPE|UNIT <name> <text>`; OpenMetrics has no free comments, so anything else is an error. */
export function parseOpenMetricsMetadata(text: string, line: number): OpenMetricsMetadata {
  const fail = (found: string, expected: string): never => {
    throw new ExpositionParseError({ line, found, expected })
  }
  const match = /^# (HELP|TYPE|UNIT) ([^ ]+)(?: (.*))?$/.exec(text)
  if (match === null) return fail(quote(text), 'an OpenMetrics "# HELP", "# TYPE" or "# UNIT" line, or "# EOF" (OpenMetrics has no free comments)')
  const [, keyword, name = '', rest = ''] = match
  if (!isMetricName(name)) fail(quote(name), `a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]* in the ${keyword} line`)
  if (keyword === 'UNIT') return { kind: 'unit', name }
  if (keyword === 'TYPE') {
    if (!(OPENMETRICS_TYPES as readonly string[]).includes(rest)) fail(quote(rest), `one of ${OPENMETRICS_TYPES.join(', ')}`)
    return { kind: 'type', name, type: rest as OpenMetricsType }
  }
  const unescaped = unescapeHelp(rest.replaceAll('\\"', '"'))
  if ('badEscape' in unescaped) return fail(quote(unescaped.badEscape), 'one of the escapes \\\\, \\" or \\n in HELP text')
  return { kind: 'help', name, help: unescaped.text }
}

/**
 * Parses an OpenMetrics sample line `name{labels} value [timestamp]`: single spaces, the timestamp in (possibly
 * fractional) seconds. Exemplars (` # {…} v`) are not supported and reported as such.
 */
export function parseOpenMetricsSample(text: string, line: number): Sample {
  const fail = (found: string, expected: string): never => {
    throw new ExpositionParseError({ line, found, expected })
  }
  const name = /^[^ {]*/.exec(text)![0]
  if (!isMetricName(name)) fail(quote(name), 'a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*')
  const cursor = new LineCursor(text, name.length)
  const labels = cursor.peek() === '{' ? parseLabels(cursor, line) : {}
  const [value, timestamp, ...rest] = cursor.rest().split(' ').slice(1)
  if (cursor.peek() !== ' ' || value === undefined) return fail(cursor.describeNext(), `one space, then ${VALUE_EXPECTED}`)
  const parsedValue = parseSampleValue(value)
  if (parsedValue === undefined) fail(quote(value), VALUE_EXPECTED)
  if (timestamp === '#') fail('an exemplar', 'no exemplar (openbell does not read OpenMetrics exemplars)')
  if (rest.length > 0) fail(quote(rest.join(' ')), 'the end of the line after the timestamp')
  if (timestamp === undefined) return { name, labels, value: parsedValue as number }
  const seconds = parseSampleValue(timestamp)
  if (seconds === undefined || !Number.isFinite(seconds)) fail(quote(timestamp), 'a timestamp in seconds since the epoch, such as 1700000000.5')
  return { name, labels, value: parsedValue as number, timestampMs: Math.round((seconds as number) * 1000) }
}
