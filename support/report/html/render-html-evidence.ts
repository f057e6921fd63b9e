import { escapeHtml } from './escape-html.ts'

/** An evidence file as the HTML report shows it: its text (secrets already scrubbed) and whether it was cut. */
export interface EvidenceText {
  text: string
  /** The file's full size in bytes, when `text` is only its beginning. */
  truncatedFrom: number | null
}

/**
 * One evidence file, inline and collapsible: JSON pretty-printed, an HTTP response record summarised as
 * `HTTP <status> <content type>` above it, any other body as text. Open when the check did not pass.
 */
export function renderEvidence(file: string, evidence: EvidenceText | undefined, open: boolean): string {
  const link = `<a href="${escapeHtml(encodeURI(file))}"><code>${escapeHtml(file)}</code></a>`
  if (!evidence) return `<p class="muted">${link}: not in the run folder</p>`
  // @note a cut JSON file does not parse: it is shown as the text it is.
  const { summary, body } = evidence.truncatedFrom !== null ? { summary: 'cut', body: evidence.text } : describe(file, evidence.text)
  const cut = evidence.truncatedFrom !== null ? `<p class="muted">Shown: the first ${evidence.text.length} characters of ${evidence.truncatedFrom} bytes; the whole file is ${link}.</p>` : ''
  return [
    `<details${open ? ' open' : ''}>`,
    `<summary>${escapeHtml(file)}${summary ? ` — ${escapeHtml(summary)}` : ''}</summary>`,
    `<p class="muted">File: ${link}</p>`,
    `<pre>${escapeHtml(body)}</pre>`,
    cut,
    '</details>',
  ].join('')
}

function describe(file: string, text: string): { summary: string | null; body: string } {
  if (!file.endsWith('.json')) return { summary: null, body: text }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { summary: 'not valid JSON (shown as text)', body: text }
  }
  return { summary: summarise(value), body: JSON.stringify(value, null, 2) }
}

/** A one-line summary of the evidence shapes the gates write: HTTP responses, queries with results, lists. */
function summarise(value: unknown): string | null {
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value !== 'object' || value === null) return null
  const record = value as Record<string, unknown>
  if (typeof record.status === 'number') {
    const type = typeof record.contentType === 'string' ? ` ${record.contentType}` : ''
    const url = typeof record.url === 'string' ? ` from ${record.url}` : ''
    return `HTTP ${record.status}${type}${url}`
  }
  if ('query' in record) {
    const results = Array.isArray(record.results) ? record.results.length : Array.isArray(record.documents) ? record.documents.length : null
    return `query${results !== null ? `, ${results} result${results === 1 ? '' : 's'}` : ''}`
  }
  return null
}
