import { ExpositionParseError } from '../exposition-parse-error.ts'
import { METRIC_TYPES, type MetricType } from '../exposition.ts'
import { LineCursor } from './line-cursor.ts'
import { isMetricName, quote } from './names.ts'
import { unescapeHelp } from './unescape.ts'

/** A line starting with `#`: HELP, TYPE, or a plain comment. */
export type CommentLine =
  | { readonly kind: 'help'; readonly name: string; readonly help: string }
  | { readonly kind: 'type'; readonly name: string; readonly type: MetricType }
  | { readonly kind: 'comment' }

const TYPES_EXPECTED = `one of ${METRIC_TYPES.join(', ')}`

/** Parses a line that starts with `#` (leading blanks already removed). */
export function parseCommentLine(text: string, line: number): CommentLine {
  const fail = (found: string, expected: string): never => {
    throw new ExpositionParseError({ line, found, expected })
  }
  const cursor = new LineCursor(text, 1)
  cursor.skipBlanks()
  const keyword = cursor.readToken()
  if (keyword !== 'HELP' && keyword !== 'TYPE') return { kind: 'comment' }
  const shape = keyword === 'HELP' ? '"# HELP <metric name> <text>"' : '"# TYPE <metric name> <type>"'
  cursor.skipBlanks()
  // @note promtool reads "# HELP" or "# TYPE a" as a plain comment; a truncated line is a fault here.
  if (cursor.atEnd()) fail(`a ${keyword} line without a metric name`, shape)
  const name = cursor.readToken()
  if (!isMetricName(name)) fail(quote(name), `a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]* in the ${keyword} line`)
  cursor.skipBlanks()
  if (keyword === 'HELP') {
    const unescaped = unescapeHelp(cursor.rest())
    if ('badEscape' in unescaped) return fail(quote(unescaped.badEscape), 'one of the escapes \\\\ or \\n in HELP text')
    return { kind: 'help', name, help: unescaped.text }
  }
  if (cursor.atEnd()) fail(`a TYPE line for "${name}" without a type`, TYPES_EXPECTED)
  const type = cursor.rest()
  if (!(METRIC_TYPES as readonly string[]).includes(type)) fail(quote(type), TYPES_EXPECTED)
  return { kind: 'type', name, type: type as MetricType }
}
