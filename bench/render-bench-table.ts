import type { TargetCheck } from './bench-targets.ts'
import type { Summary } from './summarize.ts'

/** One line of the benchmark table: a measurement, or a section heading when only `section` is set. */
export type BenchRow =
  | { section: string }
  | {
      /** What was measured, e.g. `warm, fresh process: time to verdict`. */
      label: string
      /** `ms` durations, `MB` memory, `x` ratios. */
      unit: 'ms' | 'MB' | 'x'
      /** `null` when the phase was skipped or nothing could be measured. */
      summary: Summary | null
      /** The target for this line, if it has one. */
      target?: TargetCheck
      /** Anything a reader needs next to the numbers, such as verdicts seen. */
      note?: string
    }

const HEADER = ['measurement', 'n', 'min', 'median', 'max', 'target', 'met', 'note'] as const
/** The numeric columns, right-aligned. */
const NUMERIC = new Set([1, 2, 3, 4])

/** Formats one value in its unit: `1,234 ms`, `312 MB`, `2.41x`; `–` for nothing. */
export function formatValue(value: number | null | undefined, unit: 'ms' | 'MB' | 'x'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  if (unit === 'x') return `${value.toFixed(2)}x`
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`
}

/**
 * Renders rows as a Markdown table (readable as plain text too): one line per measurement with min, median and
 * max, the target and whether the median meets it (`yes`/`NO`/`–`).
 */
export function renderBenchTable(rows: readonly BenchRow[]): string {
  const lines: string[][] = rows.map((row) => {
    if ('section' in row) return [`**${row.section}**`, '', '', '', '', '', '', '']
    const { summary, unit } = row
    const met = row.target === undefined || row.target.met === null ? '–' : row.target.met ? 'yes' : 'NO'
    return [
      row.label,
      summary ? String(summary.n) : '0',
      formatValue(summary?.min, unit),
      formatValue(summary?.median, unit),
      formatValue(summary?.max, unit),
      row.target?.text ?? '',
      row.target ? met : '',
      row.note ?? '',
    ]
  })
  const widths = HEADER.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const pad = (cell: string, column: number) => (NUMERIC.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))
  const render = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`
  const rule = widths.map((width, column) => (NUMERIC.has(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)))
  return [render(HEADER), `| ${rule.join(' | ')} |`, ...lines.map(render)].join('\n')
}
