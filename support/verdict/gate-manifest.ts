import type { GateId } from './api.ts'
import { MODULE_EXTENSION } from '../project-paths.ts'

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
 * The gates this project has built, in the order the report lists them.
 * The runner checks it both ways against `specs/`: a listed gate without a spec, and a spec without a gate, are NO-GO.
 */
export const GATE_MANIFEST: readonly GateDefinition[] = Object.freeze([
  {
    id: 'session',
    title: 'The session and what is being evaluated',
    runbookRef: 'pre_market.md steps 0 and 6 (last-known-good capture)',
  },
  {
    id: 'data-seeded',
    title: 'Data seeded for the Sentiment Heatmap and Whale Flow',
    runbookRef: 'market-open-runbook §0 "Data seeded", §2A, §2B',
  },
  {
    id: 'paper-execution',
    title: 'Paper-only execution posture',
    runbookRef: 'market-open-runbook §0 "Paper execution posture works", §3; pre_market.md step 4a',
  },
  {
    id: 'kill-switch',
    title: 'Kill switch halts execution',
    runbookRef: 'market-open-runbook §5A; pre_market.md step 2',
  },
  {
    id: 'metrics',
    title: 'Metrics populate',
    runbookRef: 'market-open-runbook §0 "Metrics populate", §4A',
  },
  {
    id: 'marketdata-freshness',
    title: 'Market data is fresh',
    runbookRef: 'market-open-runbook §4B; pre_market.md step 3a',
  },
  {
    id: 'cluster-health',
    title: 'Cluster health: no crash loops, every workload ready',
    runbookRef: 'pre_market.md steps 3b and 4b; readiness checks',
  },
])

/** The spec file of a gate, relative to the specs folder (`.js` in the compiled build). */
export function specFileOf(gate: GateId): string {
  return `${gate}.spec${MODULE_EXTENSION}`
}

/** The gate id a spec file stands for (`kill-switch.spec.ts` → `kill-switch`), or `null` for a file that is no spec. */
export function gateIdOfSpec(file: string): string | null {
  const match = /([^/\\]+)\.spec\.[jt]s$/.exec(file)
  return match?.[1] ?? null
}
