import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../../support/project-paths.ts'

/** The folder holding one sub-folder per scenario, each with a `scenario.yaml`. */
export const SCENARIOS_DIR = path.join(PROJECT_ROOT, 'emulators/scenarios')

/**
 * The scenarios' names, sorted, without reading them.
 * @note every command checks `--scenario` against these: parsing all of them took ~0.5 s of each run's start, and
 * loading the YAML parser and the scenario schema (zod) for it ~0.1 s of every `--help`.
 */
export function scenarioNames(dir: string = SCENARIOS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'scenario.yaml')))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
}
