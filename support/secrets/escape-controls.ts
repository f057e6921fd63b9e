/**
 * C0 and C1 controls (ESC included), DEL, and the Unicode bidirectional controls ("Trojan Source": U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069). A terminal acts on them, so text echoed to it shows them escaped.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Escapes control and bidi characters as `\uXXXX`, so what a terminal shows is what the text holds.
 * @param keep characters left as they are (e.g. "\n" between the lines of a multi-line output). @default ''
 * @example escapeControls('--x=\u202e') // '--x=\\u202e'
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROL, (char) => (keep.includes(char) ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`))
}
