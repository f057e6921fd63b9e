/**
 * The most bytes one evidence file holds. What a check observed can be far larger (a list of thousands of pods, a
 * hostile body); past this, the file keeps the start and says how much there was. @note documented in README.md.
 */
export const EVIDENCE_MAX_BYTES = 4 * 1024 * 1024

/**
 * The content as it may be written to an evidence file: as is when it fits in {@link EVIDENCE_MAX_BYTES}, otherwise its
 * start with a note saying that it was cut, how large it was and the limit. A `.json` file stays valid JSON.
 */
export function capEvidence(content: string, fileName: string): string {
  const bytes = Buffer.byteLength(content)
  if (bytes <= EVIDENCE_MAX_BYTES) return content
  const json = fileName.endsWith('.json')
  // @note half the limit for JSON: escaping the kept start as a JSON string can double its size.
  // @note a cut inside a multi-byte character decodes to U+FFFD; that half character is dropped.
  const kept = Buffer.from(content).subarray(0, json ? EVIDENCE_MAX_BYTES / 2 : EVIDENCE_MAX_BYTES - 1024).toString('utf8').replace(/\uFFFD$/, '')
  const note = `openbell cut this evidence: it was ${bytes} bytes, more than the ${EVIDENCE_MAX_BYTES} an evidence file holds (EVIDENCE_MAX_BYTES); its first ${Buffer.byteLength(kept)} bytes are kept`
  if (json) return `${JSON.stringify({ truncated: { note, bytes, limit: EVIDENCE_MAX_BYTES }, start: kept }, null, 2)}\n`
  return `[${note}]\n${kept}\n[openbell: cut here]\n`
}
