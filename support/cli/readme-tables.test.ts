import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OPTIONS, type OptionSpec } from '../config/index.ts'
import { GATE_REGISTRY } from '../gates/index.ts'
import { README_TABLES, REGENERATE_README_COMMAND, updateReadme } from './readme-tables.ts'
import { flagOf, renderHelp } from './render-help.ts'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** Like the scenario catalog: the tables in README.md are exactly what the generator writes now. */
describe("the README's generated tables are up to date", () => {
  it.each(Object.keys(README_TABLES).map((name) => [name] as const))('%s', (name) => {
    const between = (text: string) => text.slice(text.indexOf(`<!-- generated: ${name} `), text.indexOf(`<!-- end generated: ${name} -->`))
    const stale = `README.md's ${name} table is stale (the gate registry or the option table changed); regenerate it with \`${REGENERATE_README_COMMAND}\``
    expect(between(README) === between(updateReadme(README)), stale).toBe(true)
  })

  it('says which markers are missing and how to regenerate', () => {
    expect(() => updateReadme('# no tables')).toThrow(
      `[openbell] README.md has no "<!-- generated: gates by \`${REGENERATE_README_COMMAND}\`; do not edit -->" … "<!-- end generated: gates -->" markers; put them around the gates table and run \`${REGENERATE_README_COMMAND}\`.`,
    )
  })

  it('leaves the text around the tables as it is', () => {
    const marked = (name: string) => `<!-- generated: ${name} by \`${REGENERATE_README_COMMAND}\`; do not edit -->\nold\n<!-- end generated: ${name} -->`
    const updated = updateReadme(`before\n${marked('gates')}\nmiddle\n${marked('flags')}\nafter\n`)
    expect(updated.startsWith('before\n')).toBe(true)
    expect(updated).toContain('\nmiddle\n')
    expect(updated.endsWith('\nafter\n')).toBe(true)
    expect(updated).not.toContain('\nold\n')
  })

  it('lists every gate with its checks, per-service ones as <service>.<id>', () => {
    const rows = README_TABLES.gates().slice(2)
    expect(rows).toHaveLength(GATE_REGISTRY.length)
    expect(rows[3]).toMatch(/^\| 4 \| \[`kill-switch`\]\(specs\/kill-switch\.spec\.ts\) — Kill switch halts execution \| market-open-runbook §5A; pre_market\.md step 2 \| .* \| `configmap-present`, `halted`, `agents-wired`, `<service>\.kill-switch-reported` \|$/)
  })
})

describe('openbell --help and the README flag table come from the same option table', () => {
  const help = renderHelp()
  const rows = README_TABLES.flags().slice(2)

  it.each(Object.entries(OPTIONS) as [string, OptionSpec][])('--%s', (name, spec) => {
    expect(help).toContain(`\n  ${flagOf(name, spec)}\n      ${spec.description}`)
    expect(rows.filter((row) => row.startsWith(`| \`${flagOf(name, spec).replaceAll('|', '\\|')}\` |`))).toHaveLength(1)
  })

  it('writes an alias before its flag, as the parser accepts it', () => {
    expect(flagOf('test-name-pattern', OPTIONS['test-name-pattern'])).toBe('-t, --test-name-pattern REGEX')
    expect(rows).toContain('| `-t, --test-name-pattern REGEX` | – | – | run, test, plan, watch | run only the checks whose title matches (such a run is never GO) |')
  })
})
