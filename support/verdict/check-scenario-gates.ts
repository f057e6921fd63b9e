import { UsageError } from '../errors.ts'
import { GATE_IDS } from '../gates/index.ts'

/** The part of a scenario that names gates: the gates it must turn NO-GO, and single checks it expects. */
export interface ScenarioGates {
  name: string
  expect: readonly { gate: string }[]
  checks?: readonly { gate: string }[]
}

/**
 * Refuses a scenario whose expectations name a gate the registry does not have. The emulators check a gate id's
 * shape only (they take no gate list from openbell); this is where the ids themselves are checked, before anything
 * trusts the expectations: `openbell scenarios`, the scenario files' generator and the fault matrix.
 * @throws UsageError naming the scenario, the unknown gate and the gates there are.
 */
export function checkScenarioGates(scenario: ScenarioGates): void {
  const known: readonly string[] = GATE_IDS
  for (const { gate } of [...scenario.expect, ...(scenario.checks ?? [])]) {
    if (known.includes(gate)) continue
    throw new UsageError(
      `scenario "${scenario.name}" names the gate "${gate}", which openbell does not have; the gates are ${GATE_IDS.join(', ')}. ` +
        `Fix emulators/scenarios/${scenario.name}/scenario.yaml.`,
    )
  }
}
