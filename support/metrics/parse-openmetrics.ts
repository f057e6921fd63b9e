import { ExpositionParseError } from './exposition-parse-error.ts'
import type { Exposition, MetricFamily, MetricType, Sample } from './exposition.ts'
import { quote } from './internal/names.ts'
import { parseOpenMetricsMetadata, parseOpenMetricsSample, type OpenMetricsType } from './internal/parse-openmetrics-line.ts'

/** The line that must end every OpenMetrics exposition, with nothing after it. */
export const OPENMETRICS_EOF = '# EOF'

/** The sample-name suffixes each OpenMetrics type allows (`''` = the family name itself). */
const SUFFIXES: Readonly<Record<OpenMetricsType, readonly string[]>> = {
  counter: ['_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_count', '_sum', '_created'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  stateset: [''],
  info: ['_info'],
  summary: ['', '_count', '_sum', '_created'],
  unknown: [''],
}

// @note Prometheus stores info and stateset as gauges and a gauge histogram like a histogram; `unknown` is `untyped`.
const AS_TEXT_TYPE: Readonly<Record<OpenMetricsType, MetricType>> = {
  counter: 'counter',
  gauge: 'gauge',
  histogram: 'histogram',
  gaugehistogram: 'histogram',
  stateset: 'gauge',
  info: 'gauge',
  summary: 'summary',
  unknown: 'untyped',
}

interface Draft {
  readonly name: string
  type?: OpenMetricsType
  help?: string
  readonly samples: Sample[]
}

/**
 * Parses an OpenMetrics 1.0 exposition strictly, as Prometheus's OpenMetrics parser does for a scrape served as
 * `application/openmetrics-text`. Enforced: the last line is `# EOF` and nothing follows it; no blank lines, no
 * free comments, single spaces; HELP/TYPE/UNIT once per family and before its samples; a family's lines together;
 * sample names carry their type's suffix (a counter's samples are `<family>_total` or `<family>_created`); each
 * series once; timestamps in seconds. Not read: exemplars (reported as an error).
 * @throws {ExpositionParseError} on the first violation, with its line number.
 * @see https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md
 */
export function parseOpenMetrics(text: string): Exposition {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const eofIndex = lines.indexOf(OPENMETRICS_EOF)
  if (eofIndex === -1) {
    throw new ExpositionParseError({
      line: lines.length,
      found: 'no "# EOF" line',
      expected: 'an OpenMetrics body to end with "# EOF" (served as application/openmetrics-text, Prometheus refuses the scrape without it)',
    })
  }
  if (eofIndex < lines.length - 1) {
    throw new ExpositionParseError({ line: eofIndex + 2, found: `text after "# EOF" (${quote(lines[eofIndex + 1]!)})`, expected: 'nothing after the "# EOF" line' })
  }
  const families = new Map<string, Draft>()
  const series = new Map<string, number>()
  let current: Draft | undefined
  const enter = (name: string, line: number): Draft => {
    if (current?.name === name) return current
    if (families.has(name)) fail(line, `a line of family "${name}" after family "${current?.name}" began`, `all lines of family "${name}" together`)
    current = { name, samples: [] }
    families.set(name, current)
    return current
  }
  for (const [index, raw] of lines.slice(0, eofIndex).entries()) {
    const line = index + 1
    if (raw === '') fail(line, 'a blank line', 'no blank lines in OpenMetrics')
    if (raw.startsWith('#')) {
      const meta = parseOpenMetricsMetadata(raw, line)
      const family = enter(meta.name, line)
      if (family.samples.length > 0) fail(line, `metadata of family "${meta.name}" after its samples`, 'HELP, TYPE and UNIT before the first sample')
      if (meta.kind === 'type') {
        if (family.type !== undefined) fail(line, `a second TYPE line for family "${meta.name}"`, 'one TYPE line per family')
        family.type = meta.type
      }
      if (meta.kind === 'help') family.help = meta.help
      continue
    }
    const sample = parseOpenMetricsSample(raw, line)
    const family = current !== undefined && belongs(current, sample.name) ? current : enter(sample.name, line)
    if (!belongs(family, sample.name)) {
      const suffixes = SUFFIXES[family.type ?? 'unknown'].map((suffix) => `${family.name}${suffix}`)
      fail(line, `sample "${sample.name}" in ${family.type ?? 'unknown'} family "${family.name}"`, `a sample named ${suffixes.join(' or ')} (OpenMetrics sample names carry their type's suffix)`)
    }
    const key = JSON.stringify([sample.name, Object.entries(sample.labels).sort()])
    if (series.has(key)) fail(line, `a second sample of series ${sample.name}${JSON.stringify(sample.labels)}`, `each series once (the first is on line ${series.get(key)})`)
    series.set(key, line)
    family.samples.push(sample)
  }
  const result = new Map<string, MetricFamily>()
  for (const draft of families.values()) {
    const family: MetricFamily = { name: draft.name, type: AS_TEXT_TYPE[draft.type ?? 'unknown'], samples: draft.samples }
    result.set(draft.name, draft.help === undefined ? family : { ...family, help: draft.help })
  }
  return { families: result }
}

function belongs(family: Draft, sampleName: string): boolean {
  return SUFFIXES[family.type ?? 'unknown'].some((suffix) => `${family.name}${suffix}` === sampleName)
}

function fail(line: number, found: string, expected: string): never {
  throw new ExpositionParseError({ line, found, expected })
}
