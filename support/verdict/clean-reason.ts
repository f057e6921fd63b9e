/**
 * The assertion library's sentence for a boolean check (`expect(ok, message).toBe(true)`): it says nothing the
 * spec's own message does not, and is all an on-call person would read last.
 */
const BOOLEAN_TAIL = /:\s+expected (?:false to be true|true to be false)(?:\s*\/\/\s*Object\.is equality)?\s*$/
/** vitest's note on `toBe`; the observed and expected values before it stay. */
const EQUALITY_NOTE = /\s*\/\/\s*Object\.is equality\s*$/

/**
 * Removes test-framework noise from a check's reason, in every format: the `expected false to be true` sentence
 * after a spec's own message, and the `// Object.is equality` note. A chai sentence that names the observed
 * value (`expected '0' to be '1'`) stays: it is evidence.
 * @example cleanReason('kill switch is "0": expected false to be true // Object.is equality') // 'kill switch is "0"'
 */
export function cleanReason(reason: string): string {
  const withoutTail = reason.replace(BOOLEAN_TAIL, '')
  const cleaned = withoutTail.trim().length > 0 ? withoutTail : reason
  return cleaned.replace(EQUALITY_NOTE, '').trimEnd()
}
