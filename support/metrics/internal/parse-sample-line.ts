import { ExpositionParseError } from '../exposition-parse-error.ts'
import type { Sample } from '../exposition.ts'
import { LineCursor } from './line-cursor.ts'
import { isMetricName, quote } from './names.ts'
import { parseLabels } from './parse-labels.ts'
import { parseSampleValue, parseTimestamp } from './parse-number.ts'

/** What a message says a sample value should look like. */
export const VALUE_EXPECTED = 'a float value (such as 1.0, 1.5e-06, NaN, +Inf or inf)'

/** Parses one sample line `name{labels} value [timestamp]` (leading blanks already removed). */
export function parseSampleLine(text: string, line: number): Sample {
  const fail = (found: string, expected: string): never => {
    throw new ExpositionParseError({ line, found, expected })
  }
  const cursor = new LineCursor(text)
  const name = /^[^ \t{]*/.exec(text)![0]
  if (!isMetricName(name)) fail(quote(/^[^ \t]*/.exec(text)![0]), 'a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*')
  cursor.advance(name.length)
  cursor.skipBlanks()
  const labels = cursor.peek() === '{' ? parseLabels(cursor, line) : {}
  cursor.skipBlanks()
  if (cursor.atEnd()) fail('the end of the line', VALUE_EXPECTED)
  const valueToken = cursor.readToken()
  const value = parseSampleValue(valueToken)
  if (value === undefined) fail(quote(valueToken), VALUE_EXPECTED)
  if (cursor.atEnd()) return { name, labels, value: value as number }
  cursor.skipBlanks()
  if (cursor.atEnd()) fail('blanks at the end of the line', 'an integer timestamp, or the end of the line right after the value')
  const timestampToken = cursor.readToken()
  const timestampMs = parseTimestamp(timestampToken)
  if (timestampMs === undefined) fail(quote(timestampToken), 'an integer timestamp in milliseconds (int64)')
  if (!cursor.atEnd()) fail(quote(cursor.rest()), 'the end of the line after the timestamp')
  return { name, labels, value: value as number, timestampMs: timestampMs as number }
}
