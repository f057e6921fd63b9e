import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenarios, SCENARIOS_DIR, type NamedScenario } from '../../emulators/scenarios/load-scenarios.ts'
import { UsageError } from '../../support/errors.ts'
import { checkScenarioGates } from '../../support/verdict/check-scenario-gates.ts'
import type { GateDefinition } from '../../support/gates/gate-manifest.ts'
import { generateScenarioFiles } from './generate-scenario-files.ts'
import { REGENERATE_SCENARIO_FILES_COMMAND, renderScenarioCatalog } from './render-scenario-catalog.ts'

/** Like Chainsaw's `verify-codegen`: the generated files in the tree are exactly what the generator writes now. */
describe('the generated scenario files are up to date', () => {
  it.each(generateScenarioFiles().map((file) => [path.basename(file.path), file] as const))('%s', (name, file) => {
    const stale = `emulators/scenarios/${name} is stale (a scenario or the manifest changed); regenerate it with \`${REGENERATE_SCENARIO_FILES_COMMAND}\``
    expect(existsSync(file.path), stale).toBe(true)
    expect(readFileSync(file.path, 'utf8') === file.content, stale).toBe(true)
  })
})

describe('the gates the scenarios name', () => {
  it.each(loadScenarios().map((scenario) => [scenario.name, scenario] as const))('%s names only gates of the registry', (_name, scenario) => {
    expect(() => checkScenarioGates(scenario)).not.toThrow()
  })

  it('a scenario naming an unknown gate is refused before the catalog is written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-scenarios-'))
    cpSync(path.join(SCENARIOS_DIR, 'kill-switch-off'), path.join(dir, 'kill-switch-off'), { recursive: true })
    const file = path.join(dir, 'kill-switch-off', 'scenario.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('gate: kill-switch', 'gate: kill-swtich'))
    expect(() => generateScenarioFiles(dir)).toThrow(UsageError)
    expect(() => generateScenarioFiles(dir)).toThrow(/scenario "kill-switch-off" names the gate "kill-swtich", which openbell does not have/)
  })
})

describe('renderScenarioCatalog', () => {
  const manifest: GateDefinition[] = [
    { id: 'kill-switch', title: 'Kill switch halts execution', runbookRef: '§5A' },
    { id: 'metrics', title: 'Metrics populate', runbookRef: '§4A' },
  ]
  const scenarios: NamedScenario[] = [
    { name: 'a-off', description: 'EXECUTION_HALTED is "0" |\n on purpose.', expect: [{ gate: 'kill-switch', status: 'fail' }] },
    {
      name: 'b-hang',
      description: 'A hang.',
      expect: [
        { gate: 'kill-switch', status: 'unverified' },
        { gate: 'metrics', status: 'unverified' },
      ],
    },
  ]

  it('lists every scenario with its expected gates, then every gate with the scenarios that break it', () => {
    expect(renderScenarioCatalog(scenarios, manifest).split('\n').slice(1)).toEqual([
      '# Scenario catalog',
      '',
      '2 scenarios. Each one breaks the healthy floor on purpose and names the gates that must not pass;',
      '`tests/scenarios/scenario-matrix.test.ts` runs every one through the real CLI and checks that exactly those gates',
      'end as listed while every other gate passes. Try one: `node bin/openbell.js run --scenario=NAME`.',
      '',
      '| scenario | gates that must not pass | what is broken |',
      '| --- | --- | --- |',
      '| [`a-off`](a-off/scenario.yaml) | `kill-switch` fail | EXECUTION_HALTED is "0" \\| on purpose. |',
      '| [`b-hang`](b-hang/scenario.yaml) | `kill-switch` unverified, `metrics` unverified | A hang. |',
      '',
      '## By gate',
      '',
      '| gate | failed by | left unverified by |',
      '| --- | --- | --- |',
      '| `kill-switch` Kill switch halts execution | `a-off` | `b-hang` |',
      '| `metrics` Metrics populate | – | `b-hang` |',
      '',
    ])
  })
})
