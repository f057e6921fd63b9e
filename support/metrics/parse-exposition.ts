import { ExpositionParseError } from './exposition-parse-error.ts'
import type { Exposition } from './exposition.ts'
import { FamilyBook } from './internal/family-book.ts'
import { quote } from './internal/names.ts'
import { parseCommentLine } from './internal/parse-comment-line.ts'
import { parseSampleLine } from './internal/parse-sample-line.ts'

/** The OpenMetrics end marker; the text format 0.0.4 has none, and nothing may follow it. */
const EOF_LINE = '# EOF'

/**
 * Parses a Prometheus text exposition (format 0.0.4, plus an optional OpenMetrics `# EOF` line) strictly.
 * Accepts Python's `inf`/`-inf`/`nan` values, which the AgentTrader registry prints.
 * @throws {ExpositionParseError} on the first malformed line, with its number.
 * @example parseExposition(body).families.get('errors_total')?.samples
 */
export function parseExposition(text: string): Exposition {
  const lines = text.split('\n')
  const last = lines.pop()
  if (last !== '') {
    throw new ExpositionParseError({
      line: lines.length + 1,
      found: `a last line without a newline (${quote(last ?? '')})`,
      expected: 'every line, the last one too, to end with "\\n"',
    })
  }
  const book = new FamilyBook()
  for (const [index, raw] of lines.entries()) {
    const line = index + 1
    if (raw === EOF_LINE) {
      if (index < lines.length - 1) {
        throw new ExpositionParseError({ line: line + 1, found: 'text after "# EOF"', expected: 'nothing after the "# EOF" line' })
      }
      break
    }
    // @note like Prometheus, blanks before a line's first token are ignored and blank lines are skipped.
    const text = raw.replace(/^[ \t]+/, '')
    if (text === '') continue
    if (!text.startsWith('#')) {
      book.addSample(parseSampleLine(text, line), line)
      continue
    }
    const comment = parseCommentLine(text, line)
    if (comment.kind === 'help') book.addHelp(comment.name, comment.help, line)
    if (comment.kind === 'type') book.addType(comment.name, comment.type, line)
  }
  return book.finish()
}
