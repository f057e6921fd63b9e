/**
 * HTML-escapes text for element content and quoted attributes. Evidence is hostile input: a `<script>` or a
 * `</details>` in a body must stay text. The five entities are the XML ones, so the run's secret scrub, which also
 * looks for XML-escaped secret values, finds a secret in `report.html` too.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** A fragment id from any text: letters, digits and `-` only, so it is safe in `id` and `href="#…"`. */
export function anchorOf(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'
}
