/**
 * Regenerates `emulators/scenarios/CATALOG.md` and `scenario.schema.json` from the scenario folders.
 * Usage (from the project root): node --import tsx tests/scenarios/write-scenario-files.ts
 * `tests/scenarios/generated-scenario-files.test.ts` fails when either file is stale.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateScenarioFiles } from './generate-scenario-files.ts'

for (const file of generateScenarioFiles()) {
  writeFileSync(file.path, file.content)
  process.stdout.write(`wrote ${path.relative(process.cwd(), file.path)}\n`)
}
