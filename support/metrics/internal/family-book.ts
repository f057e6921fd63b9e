import { ExpositionParseError } from '../exposition-parse-error.ts'
import type { Exposition, MetricFamily, MetricType, Sample } from '../exposition.ts'
import { quote } from './names.ts'
import { parseSampleValue } from './parse-number.ts'

interface FamilyDraft {
  readonly name: string
  readonly firstLine: number
  type?: MetricType
  typeLine?: number
  help?: string
  helpLine?: number
  readonly samples: Sample[]
}

const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'] as const

/** Collects HELP, TYPE and sample lines into families and enforces the rules between lines. */
export class FamilyBook {
  readonly #families = new Map<string, FamilyDraft>()
  readonly #seriesLines = new Map<string, number>()
  #current: FamilyDraft | undefined

  /** Records a HELP line. */
  addHelp(name: string, help: string, line: number): void {
    const family = this.#enter(name, line, 'HELP line')
    if (family.helpLine !== undefined) {
      fail(line, `a second HELP line for family "${name}"`, `one HELP line per family (the first is on line ${family.helpLine})`)
    }
    family.help = help
    family.helpLine = line
  }

  /** Records a TYPE line. */
  addType(name: string, type: MetricType, line: number): void {
    const family = this.#enter(name, line, 'TYPE line')
    if (family.typeLine !== undefined) {
      fail(line, `a second TYPE line for family "${name}"`, `one TYPE line per family (the first is on line ${family.typeLine})`)
    }
    if (family.samples.length > 0) {
      fail(line, `a TYPE line for family "${name}" after its samples`, 'the TYPE line before the first sample of its family')
    }
    family.type = type
    family.typeLine = line
  }

  /** Records a sample line in the family it belongs to. */
  addSample(sample: Sample, line: number): void {
    const family = this.#enter(this.#familyOf(sample.name), line, 'sample')
    const bound = family.type === 'histogram' ? 'le' : family.type === 'summary' ? 'quantile' : undefined
    const boundValue = bound === undefined ? undefined : sample.labels[bound]
    if (boundValue !== undefined && parseSampleValue(boundValue) === undefined) {
      fail(line, quote(`${bound}="${boundValue}"`), `a float in the "${bound}" label of a ${family.type}`)
    }
    const key = seriesKey(sample)
    const firstLine = this.#seriesLines.get(key)
    if (firstLine !== undefined) {
      fail(line, `a second sample of series ${key}`, `each series only once (the first is on line ${firstLine})`)
    }
    this.#seriesLines.set(key, line)
    family.samples.push(sample)
  }

  /** The families, in order of first appearance. */
  finish(): Exposition {
    const families = new Map<string, MetricFamily>()
    for (const draft of this.#families.values()) {
      const family: MetricFamily = { name: draft.name, type: draft.type ?? 'untyped', samples: draft.samples }
      families.set(draft.name, draft.help === undefined ? family : { ...family, help: draft.help })
    }
    return { families }
  }

  // @note a histogram's _bucket/_sum/_count and a summary's _sum/_count belong to the declared base family;
  // any other name (a counter's `_total`, Python's `_created` gauge) is its own family, as in Prometheus.
  #familyOf(sampleName: string): string {
    for (const suffix of HISTOGRAM_SUFFIXES) {
      if (!sampleName.endsWith(suffix)) continue
      const base = this.#families.get(sampleName.slice(0, -suffix.length))
      if (base?.type === 'histogram' || (base?.type === 'summary' && suffix !== '_bucket')) return base.name
    }
    return sampleName
  }

  #enter(name: string, line: number, what: string): FamilyDraft {
    if (this.#current?.name === name) return this.#current
    const existing = this.#families.get(name)
    if (existing !== undefined) {
      fail(
        line,
        `a ${what} of family "${name}" after family "${this.#current?.name}" began`,
        `all lines of family "${name}" in one block (it began on line ${existing.firstLine})`,
      )
    }
    const family: FamilyDraft = { name, firstLine: line, samples: [] }
    this.#families.set(name, family)
    this.#current = family
    return family
  }
}

function fail(line: number, found: string, expected: string): never {
  throw new ExpositionParseError({ line, found, expected })
}

function seriesKey(sample: Sample): string {
  const labels = Object.entries(sample.labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
  return labels.length === 0 ? sample.name : `${sample.name}{${labels.join(',')}}`
}
