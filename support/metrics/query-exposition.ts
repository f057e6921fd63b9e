import type { Exposition, Sample } from './exposition.ts'

/**
 * The samples of one family whose labels include every given label, in text order.
 * Matches by family name only: a HELP line, a comment, a label value or a longer name never counts.
 * @example findSamples(exposition, 'errors_total', { component: 'strategy-engine' })
 */
export function findSamples(
  exposition: Exposition,
  familyName: string,
  labels: Readonly<Record<string, string>> = {},
): readonly Sample[] {
  const samples = exposition.families.get(familyName)?.samples ?? []
  const wanted = Object.entries(labels)
  return samples.filter((sample) => wanted.every(([name, value]) => Object.hasOwn(sample.labels, name) && sample.labels[name] === value))
}

/**
 * Whether the family has at least one sample (HELP/TYPE lines alone do not count).
 * @example hasSample(parseExposition(body), 'errors_total') // false for `marketdata_errors_total 1.0`
 */
export function hasSample(exposition: Exposition, familyName: string, labels?: Readonly<Record<string, string>>): boolean {
  return findSamples(exposition, familyName, labels).length > 0
}

/**
 * The values of the family's samples whose labels include every given label, in text order.
 * @example sampleValues(exposition, 'heartbeat_age_seconds') // [2.0]
 */
export function sampleValues(
  exposition: Exposition,
  familyName: string,
  labels?: Readonly<Record<string, string>>,
): number[] {
  return findSamples(exposition, familyName, labels).map((sample) => sample.value)
}
