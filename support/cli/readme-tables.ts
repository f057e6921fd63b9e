import { OPTIONS, type OptionSpec } from '../config/index.ts'
import { OpenbellError } from '../errors.ts'
import { GATE_REGISTRY, type GateCheck } from '../gates/index.ts'
import { flagOf } from './render-help.ts'

/** The command that regenerates the README's gate and flag tables. */
export const REGENERATE_README_COMMAND = 'node --import tsx support/cli/write-readme-tables.ts'

/** The README's generated tables, each between `<!-- generated: NAME … -->` and `<!-- end generated: NAME -->`. */
export const README_TABLES = Object.freeze({
  /** The gates, from support/gates/gate-registry.ts. */
  gates: renderGateTable,
  /** The flags, from support/config/options.ts (as `--help`). */
  flags: renderFlagTable,
})

/** The gate table: one row per gate of the registry, in runbook order. */
export function renderGateTable(): string[] {
  return [
    '| # | gate | runbook | what it proves | checks |',
    '| --- | --- | --- | --- | --- |',
    ...GATE_REGISTRY.map(
      (gate, index) =>
        `| ${index + 1} | [${code(gate.id)}](specs/${gate.id}.spec.ts) — ${cell(gate.title)} | ${cell(gate.runbookRef)} | ${cell(gate.proves)} | ${gate.checks.map(describeCheck).join(', ')} |`,
    ),
  ]
}

/** The flag table: one row per option, in the order of `--help`. */
export function renderFlagTable(): string[] {
  return [
    '| flag | env | default | for | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(OPTIONS).map(([name, spec]: [string, OptionSpec]) =>
      [
        code(flagOf(name, spec)),
        spec.envVar ? code(spec.envVar) : '–',
        spec.defaultText ? cell(spec.defaultText) : '–',
        spec.commands ? spec.commands.join(', ') : 'all',
        cell(spec.description),
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ]
}

/**
 * The README with every generated table rewritten from the code, the text around them untouched.
 * @throws {OpenbellError} when a table's markers are missing.
 */
export function updateReadme(readme: string): string {
  let text = readme
  for (const [name, render] of Object.entries(README_TABLES)) {
    const begin = `<!-- generated: ${name} by \`${REGENERATE_README_COMMAND}\`; do not edit -->`
    const end = `<!-- end generated: ${name} -->`
    const from = text.indexOf(begin)
    const to = text.indexOf(end)
    if (from < 0 || to < from) throw new OpenbellError(`README.md has no "${begin}" … "${end}" markers; put them around the ${name} table and run \`${REGENERATE_README_COMMAND}\`.`)
    text = `${text.slice(0, from + begin.length)}\n${render().join('\n')}\n${text.slice(to)}`
  }
  return text
}

function describeCheck(check: GateCheck): string {
  return code(typeof check === 'string' ? check : `<service>.${check.id}`)
}

/** Text as a code span in a Markdown table cell (`|` still needs its escape there). */
function code(text: string): string {
  return `\`${text.replaceAll('|', '\\|')}\``
}

/** Text safe in a Markdown table cell: `|` escaped, and `<` so that `<runId>` is not read as HTML. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;')
}
