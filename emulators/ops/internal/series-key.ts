import { parseExposition } from '../../../support/metrics/index.ts'

/** A series named as in the text format, e.g. `errors_total{component="strategy-engine"}`, and a value. */
export interface SeriesValue {
  readonly name: string
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
}

/** Reads a series key such as `errors_total{component="x"}`, or returns `undefined` when it is not one series. */
export function parseSeriesKey(key: string): Omit<SeriesValue, 'value'> | undefined {
  if (key.includes('\n')) return undefined
  try {
    const families = [...parseExposition(`${key} 0\n`).families.values()]
    const sample = families.length === 1 ? families[0]?.samples[0] : undefined
    return sample === undefined ? undefined : { name: sample.name, labels: sample.labels }
  } catch {
    return undefined
  }
}

/** A canonical key for a series: name plus labels sorted by name, so label order does not matter. */
export function seriesIdentity(name: string, labels: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([name, sorted])
}
