import { redactText } from '../report/redact.ts'
import { escapeControls } from '../secrets/escape-controls.ts'

/**
 * Wraps a writer so every text it prints is scrubbed of known secrets and of credentials by their shape, and shows
 * control and bidi characters escaped (line breaks and tabs kept): what reaches a terminal or a CI log is a report too.
 */
export function screenOutput(write: (text: string) => void): (text: string) => void {
  return (text) => write(escapeControls(redactText(text), '\n\t'))
}
