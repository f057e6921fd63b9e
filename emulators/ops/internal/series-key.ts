/** A series named as in the text format, e.g. `errors_total{component="strategy-engine"}`, and a value. */
export interface SeriesValue {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

// @note the stand-in reads its scenario data with its own small grammar, not openbell's exposition parser: a parser
// bug shared by both sides would be agreed with, and no scenario could catch it.
const SERIES = /^[ \t]*([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?[ \t]*$/s
const LABEL = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\\n]|\\[\\"n])*)"\s*(,|$)/
const UNESCAPE: Readonly<Record<string, string>> = { '\\\\': '\\', '\\"': '"', '\\n': '\n' }

/** Reads a series key such as `errors_total{component="x"}`, or returns `undefined` when it is not one series. */
export function parseSeriesKey(key: string): Omit<SeriesValue, 'value'> | undefined {
  const [, name, body] = SERIES.exec(key) ?? []
  if (name === undefined || key.includes('\n')) return undefined
  const labels: Record<string, string> = {}
  for (let rest = body ?? ''; rest.trim() !== ''; ) {
    const [match, label, value] = LABEL.exec(rest) ?? []
    if (match === undefined || label === undefined || value === undefined || Object.hasOwn(labels, label)) return undefined
    labels[label] = value.replace(/\\[\\"n]/g, (escape) => UNESCAPE[escape] ?? escape)
    rest = rest.slice(match.length)
  }
  return { name, labels }
}

/** A canonical key for a series: name plus labels sorted by name, so label order does not matter. */
export function seriesIdentity(name: string, labels: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([name, sorted])
}
