import { ExpositionParseError } from '../exposition-parse-error.ts'
import { escapeTable } from './unescape.ts'
import { LABEL_NAME_PREFIX, quote } from './names.ts'
import type { LineCursor } from './line-cursor.ts'

const LABEL_ESCAPES = escapeTable('label')

/** Reads a label set `{name="value",...}` (a trailing comma is allowed) with the cursor on `{`. */
export function parseLabels(cursor: LineCursor, line: number): Record<string, string> {
  const fail = (found: string, expected: string): never => {
    throw new ExpositionParseError({ line, found, expected })
  }
  const entries: Array<[string, string]> = []
  const seen = new Set<string>()
  cursor.advance()
  for (;;) {
    cursor.skipBlanks()
    if (cursor.peek() === '}') break
    const name = cursor.readMatch(LABEL_NAME_PREFIX)
    if (name === undefined) fail(quote(cursor.rest()), 'a label name matching [a-zA-Z_][a-zA-Z0-9_]* or "}"')
    const label = name as string
    if (label === '__name__') fail('the reserved label name "__name__"', 'any other label name')
    if (seen.has(label)) fail(`a second label "${label}" in one sample`, 'each label name at most once per sample')
    seen.add(label)
    cursor.skipBlanks()
    if (cursor.peek() !== '=') fail(cursor.describeNext(), `"=" after label name "${label}"`)
    cursor.advance()
    cursor.skipBlanks()
    if (cursor.peek() !== '"') fail(cursor.describeNext(), `'"' at the start of the value of label "${label}"`)
    cursor.advance()
    entries.push([label, readLabelValue(cursor, label, fail)])
    cursor.skipBlanks()
    const separator = cursor.peek()
    if (separator === '}') break
    if (separator !== ',') fail(cursor.describeNext(), `"," or "}" after the value of label "${label}"`)
    cursor.advance()
  }
  cursor.advance()
  // @note fromEntries defines own properties, so a label named `__proto__` stays a plain label.
  return Object.fromEntries(entries)
}

function readLabelValue(cursor: LineCursor, label: string, fail: (found: string, expected: string) => never): string {
  let value = ''
  for (;;) {
    const char = cursor.peek()
    if (char === undefined) return fail(`the end of the line inside the value of label "${label}"`, `a closing '"'`)
    cursor.advance()
    if (char === '"') return value
    if (char !== '\\') {
      value += char
      continue
    }
    const next = cursor.peek()
    const replacement = next === undefined ? undefined : LABEL_ESCAPES[next]
    if (replacement === undefined) fail(quote(`\\${next ?? ''}`), 'one of the escapes \\\\, \\" or \\n in a label value')
    value += replacement
    cursor.advance()
  }
}
