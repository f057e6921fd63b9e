import type { MetricFamily, Sample } from '../../../support/metrics/index.ts'
import { formatPythonFloat } from './python-float.ts'

/** How {@link renderExposition} writes text. */
export interface RenderExpositionOptions {
  /**
   * Writes a sample value.
   * @default formatPythonFloat (the AgentTrader registry's `str(float)`)
   */
  readonly formatValue?: (value: number) => string
}

/**
 * Writes families as Prometheus text, in the given order: HELP (when non-empty), TYPE, then the samples.
 * Escapes `\\` and `\n` in HELP text and `\\`, `\n` and `\"` in label values; ends with `\n` when not empty.
 */
export function renderExposition(families: Iterable<MetricFamily>, options: RenderExpositionOptions = {}): string {
  const formatValue = options.formatValue ?? formatPythonFloat
  let text = ''
  for (const family of families) {
    if (family.help !== undefined && family.help !== '') text += `# HELP ${family.name} ${escapeHelp(family.help)}\n`
    text += `# TYPE ${family.name} ${family.type}\n`
    for (const sample of family.samples) text += renderSample(sample, formatValue)
  }
  return text
}

function renderSample(sample: Sample, formatValue: (value: number) => string): string {
  const labels = Object.entries(sample.labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
  const labelText = labels.length === 0 ? '' : `{${labels.join(',')}}`
  const timestamp = sample.timestampMs === undefined ? '' : ` ${sample.timestampMs}`
  return `${sample.name}${labelText} ${formatValue(sample.value)}${timestamp}\n`
}

function escapeHelp(help: string): string {
  return help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"')
}
