import { escapeHtml } from './escape-html.ts'

/** A status in words and a mark, so it reads without colour (grey-scale print, colour blindness, a screen reader). */
export const STATUS_LABEL: Readonly<Record<string, { mark: string; words: string }>> = Object.freeze({
  pass: { mark: '✓', words: 'pass' },
  fail: { mark: '✗', words: 'FAIL' },
  unverified: { mark: '?', words: 'unverified' },
  'optional-not-run': { mark: '–', words: 'not run (optional)' },
  waived: { mark: '~', words: 'waived' },
})

/** The badge of a status: its mark (hidden from screen readers) and its words, styled by the status's class. */
export function statusBadge(status: string): string {
  const label = STATUS_LABEL[status] ?? { mark: '?', words: status }
  return `<span class="badge s-${escapeHtml(status)}"><span aria-hidden="true">${label.mark}</span> ${escapeHtml(label.words)}</span>`
}
