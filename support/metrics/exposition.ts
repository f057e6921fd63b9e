/**
 * The model of a Prometheus text exposition (format 0.0.4), as `parseExposition` returns it.
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
 */

/** The metric types the text format 0.0.4 defines; a family without a TYPE line is `untyped`. */
export const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const

/** One of {@link METRIC_TYPES}. */
export type MetricType = (typeof METRIC_TYPES)[number]

/** One sample line: a series (name and labels), its value and an optional timestamp. */
export interface Sample {
  /** The name as written on the line, e.g. `request_latency_seconds_bucket`. */
  readonly name: string
  /** The labels in the order they were written, unescaped. */
  readonly labels: Readonly<Record<string, string>>
  /** The value; `NaN`, `Infinity` and `-Infinity` are possible. */
  readonly value: number
  /** The timestamp in milliseconds since the epoch, when the line has one. */
  readonly timestampMs?: number
}

/** A metric family: its HELP and TYPE lines and every sample that belongs to it. */
export interface MetricFamily {
  /** The name of the HELP/TYPE lines; for a histogram or summary, the name without `_bucket`/`_sum`/`_count`. */
  readonly name: string
  /** The declared type, or `untyped` when there is no TYPE line. */
  readonly type: MetricType
  /** The unescaped HELP text, when there is a HELP line. */
  readonly help?: string
  /** The samples in the order they were written; empty for a family with only HELP/TYPE lines. */
  readonly samples: readonly Sample[]
}

/** A parsed exposition: its families by name, in the order they first appeared. */
export interface Exposition {
  /** Every family, keyed by family name. */
  readonly families: ReadonlyMap<string, MetricFamily>
}
