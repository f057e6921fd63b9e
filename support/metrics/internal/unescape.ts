/** What may follow a backslash: HELP text knows `\\` and `\n`; label values also know `\"`. */
export type EscapeContext = 'help' | 'label'

/** The result of unescaping: the text, or the bad escape sequence found. */
export type UnescapeResult = { readonly text: string } | { readonly badEscape: string }

const ESCAPES: Readonly<Record<EscapeContext, Readonly<Record<string, string>>>> = {
  help: { '\\': '\\', n: '\n' },
  label: { '\\': '\\', n: '\n', '"': '"' },
}

/** Unescapes HELP text; a backslash followed by anything else is an error, as in Prometheus. */
export function unescapeHelp(raw: string): UnescapeResult {
  let text = ''
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!
    if (char !== '\\') {
      text += char
      continue
    }
    const next = raw[i + 1]
    const replacement = next === undefined ? undefined : ESCAPES.help[next]
    if (replacement === undefined) return { badEscape: `\\${next ?? ''}` }
    text += replacement
    i++
  }
  return { text }
}

/** The escape table of one context, for the label-value scanner. */
export function escapeTable(context: EscapeContext): Readonly<Record<string, string>> {
  return ESCAPES[context]
}
