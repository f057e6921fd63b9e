/**
 * The forms in which a secret can come back from the outside or through openbell's own writers: as it is,
 * JSON-escaped (once and twice), XML/HTML-escaped, URL-encoded, and base64 (standard and URL-safe, as in a Basic
 * header or a kubeconfig's `*-data` field). A multi-line secret (a PEM key) also gives each of its long lines, so a
 * body that quotes part of it is scrubbed too.
 * @note cheap forms only: an echo re-encoded some other way (gzip, a base64 of a larger text) is not recognised.
 */
export function echoedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const base64 = Buffer.from(secret, 'utf8').toString('base64')
  const forms = [
    secret,
    json,
    JSON.stringify(json).slice(1, -1),
    escapeXml(secret),
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ]
  if (secret.includes('\n')) forms.push(...secret.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 16 && !/^-----/.test(line)))
  return [...new Set(forms)]
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}
