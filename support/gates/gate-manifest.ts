import { MODULE_EXTENSION } from '../project-paths.ts'
import { GATE_REGISTRY, type GateId } from './gate-registry.ts'

/** One gate of the runbook: what it proves and where its spec lives. */
export interface GateDefinition {
  /** The stable gate id, also the spec's file name: `specs/<id>.spec.ts`. */
  id: GateId
  /** The runbook step, as an operator would name it. */
  title: string
  /** The runbook section(s) the gate replaces. */
  runbookRef: string
}

/**
 * The gates this project has built, in the order the report lists them: the registry's ids, titles and runbook
 * references. The runner checks it both ways against `specs/`: a listed gate without a spec, and a spec without a
 * gate, are NO-GO.
 */
export const GATE_MANIFEST: readonly GateDefinition[] = Object.freeze(
  GATE_REGISTRY.map(({ id, title, runbookRef }): GateDefinition => Object.freeze({ id, title, runbookRef })),
)

/** The spec file of a gate, relative to the specs folder (`.js` in the compiled build). */
export function specFileOf(gate: GateId): string {
  return `${gate}.spec${MODULE_EXTENSION}`
}

/** The gate id a spec file stands for (`kill-switch.spec.ts` → `kill-switch`), or `null` for a file that is no spec. */
export function gateIdOfSpec(file: string): string | null {
  const match = /([^/\\]+)\.spec\.[jt]s$/.exec(file)
  return match?.[1] ?? null
}
