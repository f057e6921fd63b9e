import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DATA_SEEDED_CHECKS } from '../data/index.ts'
import {
  GATE_IDS,
  GATE_MANIFEST,
  GATE_KUBE_READS,
  GATE_REGISTRY,
  gateCheckIds,
  gateEntry,
  gateTitle,
  type GateId,
} from '../gates/index.ts'
import { GATE_NEXT_STEPS } from './gate-next-steps.ts'

const SPECS = new URL('../../specs/', import.meta.url)
const SERVICES = [
  { name: 'marketdata-mcp-server', port: 80, reads: ['ops-status', 'metrics', 'freshness'] },
  { name: 'strategy-engine', port: 80, reads: ['ops-status'] },
] as const

describe('the gate registry', () => {
  it('holds the seven stable gate ids in runbook order, and GATE_IDS, the manifest and the reads derive from it', () => {
    const stable = ['session', 'data-seeded', 'paper-execution', 'kill-switch', 'metrics', 'marketdata-freshness', 'cluster-health']
    expect(GATE_REGISTRY.map((entry) => entry.id)).toEqual(stable)
    expect(GATE_IDS).toEqual(stable)
    expect(GATE_MANIFEST).toEqual(GATE_REGISTRY.map(({ id, title, runbookRef }) => ({ id, title, runbookRef })))
    expect(Object.keys(GATE_KUBE_READS)).toEqual(stable)
  })

  it("numbers the specs' describe titles by runbook order", () => {
    expect(GATE_IDS.map(gateTitle)).toEqual([
      'Gate 1 — the session and what is being evaluated',
      'Gate 2 — data seeded for the Sentiment Heatmap and Whale Flow',
      'Gate 3 — execution is paper-only',
      'Gate 4 — the kill switch halts execution',
      'Gate 5 — metrics populate',
      'Gate 6 — market data is fresh',
      'Gate 7 — the cluster is healthy: no crash loops, every workload ready',
    ])
  })

  it.each(GATE_IDS.map((gate) => [gate] as const))("specs/%s.spec.ts takes its one describe title from the registry", (gate) => {
    const spec = readFileSync(new URL(`${gate}.spec.ts`, SPECS), 'utf8')
    expect(spec.match(/^describe\(.*$/gm)).toEqual([`describe(gateTitle('${gate}'), () => {`])
    expect(spec).not.toMatch(/Gate \d/)
  })

  it('has a registry entry for every spec file', () => {
    const specs = readdirSync(SPECS).filter((file) => file.endsWith('.spec.ts'))
    expect(specs.map((file) => file.replace(/\.spec\.ts$/, '')).sort()).toEqual([...GATE_IDS].sort())
  })

  it('expands a per-service check into one id per critical service that offers what it reads', () => {
    expect(gateCheckIds('kill-switch', SERVICES)).toEqual([
      'configmap-present',
      'halted',
      'agents-wired',
      'marketdata-mcp-server.kill-switch-reported',
      'strategy-engine.kill-switch-reported',
    ])
    expect(gateCheckIds('marketdata-freshness', SERVICES)).toEqual([
      'marketdata-mcp-server.healthz',
      'marketdata-mcp-server.fresh',
      'marketdata-mcp-server.heartbeat-age',
    ])
    expect(gateCheckIds('marketdata-freshness', [])).toEqual([])
  })

  it("lists the data-seeded checks that `openbell seed` reads back, in the same order", () => {
    expect(gateCheckIds('data-seeded', SERVICES)).toEqual(Object.keys(DATA_SEEDED_CHECKS))
  })

  it.each(GATE_IDS.map((gate) => [gate] as const))('%s: check ids are unique, and every next step names one of them', (gate: GateId) => {
    const ids: string[] = gateEntry(gate).checks.map((check) => (typeof check === 'string' ? check : check.id))
    expect(new Set(ids).size, `duplicate check ids in ${gate}`).toBe(ids.length)
    expect(Object.keys(GATE_NEXT_STEPS[gate].checks).filter((check) => !ids.includes(check))).toEqual([])
  })
})
