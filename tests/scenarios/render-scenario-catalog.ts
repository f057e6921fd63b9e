import type { NamedScenario } from '../../emulators/scenarios/load-scenarios.ts'
import type { GateDefinition } from '../../support/gates/gate-manifest.ts'

/** The command that regenerates the scenario catalog and the scenario JSON Schema. */
export const REGENERATE_SCENARIO_FILES_COMMAND = 'node --import tsx tests/scenarios/write-scenario-files.ts'

/**
 * Renders `emulators/scenarios/CATALOG.md` from the scenario files: one row per scenario (the gates it must turn
 * NO-GO and how, and what it breaks), then one row per gate of the manifest (the scenarios that fail it or leave
 * it unverified). The scenario files are the table; this is their index, generated, never edited by hand.
 */
export function renderScenarioCatalog(scenarios: readonly NamedScenario[], manifest: readonly GateDefinition[]): string {
  const lines = [
    `<!-- Generated from emulators/scenarios/*/scenario.yaml by \`${REGENERATE_SCENARIO_FILES_COMMAND}\`; do not edit. -->`,
    '# Scenario catalog',
    '',
    `${scenarios.length} scenarios. Each one breaks the healthy floor on purpose and names the gates that must not pass;`,
    '`tests/scenarios/scenario-matrix.test.ts` runs every one through the real CLI and checks that exactly those gates',
    'end as listed while every other gate passes. Try one: `node bin/openbell.js run --scenario=NAME`.',
    '',
    '| scenario | gates that must not pass | what is broken |',
    '| --- | --- | --- |',
    ...scenarios.map(
      (scenario) =>
        `| [\`${scenario.name}\`](${scenario.name}/scenario.yaml) | ${scenario.expect.map((entry) => `\`${entry.gate}\` ${entry.status}`).join(', ')} | ${cell(scenario.description)} |`,
    ),
    '',
    '## By gate',
    '',
    '| gate | failed by | left unverified by |',
    '| --- | --- | --- |',
    ...manifest.map((gate) => {
      const by = (status: 'fail' | 'unverified') =>
        scenarios
          .filter((scenario) => scenario.expect.some((entry) => entry.gate === gate.id && entry.status === status))
          .map((scenario) => `\`${scenario.name}\``)
          .join(', ') || '–'
      return `| \`${gate.id}\` ${cell(gate.title)} | ${by('fail')} | ${by('unverified')} |`
    }),
    '',
  ]
  return lines.join('\n')
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}
