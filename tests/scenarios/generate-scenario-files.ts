/**
 * The files generated from the scenario folders. They live with the harness's tests, not with the emulators: the
 * catalog lists the gate registry's gates and the schema names its ids, and the emulators take nothing from it.
 */
import path from 'node:path'
import { z } from 'zod'
import { loadScenarios, SCENARIOS_DIR } from '../../emulators/scenarios/load-scenarios.ts'
import { getScenarioJsonSchema } from '../../emulators/scenarios/scenario-schema.ts'
import { GATE_IDS } from '../../support/gates/api.ts'
import { checkScenarioGates } from '../../support/verdict/check-scenario-gates.ts'
import { GATE_MANIFEST } from '../../support/gates/gate-manifest.ts'
import { renderScenarioCatalog } from './render-scenario-catalog.ts'

/** One generated file: where it goes and what it must hold. */
export interface GeneratedFile {
  /** Absolute path. */
  path: string
  content: string
}

/**
 * The files generated from the scenario folders: `CATALOG.md` (the index of the fault matrix) and
 * `scenario.schema.json` (the JSON Schema every `scenario.yaml` names in its `$schema` comment, with the registry's
 * gate ids, so an editor flags an unknown gate).
 * @throws UsageError when a scenario names a gate the registry does not have.
 */
export function generateScenarioFiles(dir: string = SCENARIOS_DIR): GeneratedFile[] {
  const scenarios = loadScenarios(dir)
  scenarios.forEach(checkScenarioGates)
  return [
    { path: path.join(dir, 'CATALOG.md'), content: renderScenarioCatalog(scenarios, GATE_MANIFEST) },
    { path: path.join(dir, 'scenario.schema.json'), content: `${JSON.stringify(getScenarioJsonSchema(z.enum(GATE_IDS)), null, 2)}\n` },
  ]
}
