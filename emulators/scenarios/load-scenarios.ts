import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import type { ScenarioSummary } from '../../support/cli/index.ts'
import { UsageError } from '../../support/errors.ts'
import { scenarioNames, SCENARIOS_DIR } from './scenario-names.ts'
import { scenarioSchema, type Scenario } from './scenario-schema.ts'

export { scenarioNames, SCENARIOS_DIR }

/** A scenario with its name (its folder's name). */
export type NamedScenario = Scenario & { name: string }

/**
 * Loads and validates every scenario, sorted by name.
 * @throws {UsageError} naming the file and the first field that does not match the schema.
 */
export function loadScenarios(dir: string = SCENARIOS_DIR): NamedScenario[] {
  return scenarioNames(dir).map((name) => loadScenario(name, dir))
}

/** Every scenario with the gates it must turn NO-GO, for `openbell scenarios`. */
export function listScenarios(): readonly ScenarioSummary[] {
  return loadScenarios().map(({ name, description, expect }) => ({ name, description, expect }))
}

/** Loads one scenario by name. */
export function loadScenario(name: string, dir: string = SCENARIOS_DIR): NamedScenario {
  const file = path.join(dir, name, 'scenario.yaml')
  if (!existsSync(file)) throw new UsageError(`scenario "${name}" does not exist (no ${file}); run \`openbell scenarios\`.`)
  const result = scenarioSchema.safeParse(parse(readFileSync(file, 'utf8')))
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new UsageError(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}.`)
  }
  return { ...result.data, name }
}
