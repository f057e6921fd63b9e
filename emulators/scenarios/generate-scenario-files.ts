import path from 'node:path'
import { GATE_MANIFEST } from '../../support/verdict/gate-manifest.ts'
import { loadScenarios, SCENARIOS_DIR } from './load-scenarios.ts'
import { renderScenarioCatalog } from './render-scenario-catalog.ts'
import { getScenarioJsonSchema } from './scenario-schema.ts'

/** One generated file: where it goes and what it must hold. */
export interface GeneratedFile {
  /** Absolute path. */
  path: string
  content: string
}

/**
 * The files generated from the scenario folders: `CATALOG.md` (the index of the fault matrix) and
 * `scenario.schema.json` (the JSON Schema every `scenario.yaml` names in its `$schema` comment).
 */
export function generateScenarioFiles(dir: string = SCENARIOS_DIR): GeneratedFile[] {
  return [
    { path: path.join(dir, 'CATALOG.md'), content: renderScenarioCatalog(loadScenarios(dir), GATE_MANIFEST) },
    { path: path.join(dir, 'scenario.schema.json'), content: `${JSON.stringify(getScenarioJsonSchema(), null, 2)}\n` },
  ]
}
