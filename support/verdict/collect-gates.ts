import type { GateReport } from './readiness-report.ts'
import type { GateId, GateDefinition } from '../gates/index.ts'
import { classifyCheck, type ObservedCheck } from './classify-check.ts'
import { computeGateStatus, type RunProblem } from './compute-verdict.ts'

/** What the runner observed of one spec module. */
export interface ObservedModule {
  /** The gate id the file name stands for. */
  gateId: string
  /** Errors of the module itself: it failed to import, or a hook outside any check failed. */
  errors: readonly { message: string }[]
  durationMs: number
  checks: readonly (ObservedCheck & { durationMs: number })[]
}

/**
 * Builds every gate of the manifest from the observed spec modules, fail-closed: a gate whose spec is missing,
 * did not load or ran no check is `unverified`; a spec without a gate is a run problem.
 */
export function collectGates(
  manifest: readonly GateDefinition[],
  modules: readonly ObservedModule[],
  options: {
    selected?: readonly GateId[]
    /** Gates the start-of-run permission check found blocked, with the reason: each is at best `unverified`. */
    blocked?: Readonly<Partial<Record<GateId, string>>>
  } = {},
): { gates: GateReport[]; problems: RunProblem[] } {
  const problems: RunProblem[] = []
  const known = new Set<string>(manifest.map((gate) => gate.id))
  for (const module of modules) {
    if (!known.has(module.gateId)) {
      problems.push({
        severity: 'unverified',
        message: `specs/${module.gateId}.spec.ts is not in the gate manifest; add it to the gate registry (support/gates/gate-registry.ts) or remove it`,
      })
    }
  }

  const gates = manifest.map((definition): GateReport => {
    const module = modules.find((candidate) => candidate.gateId === definition.id)
    const base = { id: definition.id, title: definition.title, runbookRef: definition.runbookRef }
    if (!module) {
      const filteredOut = options.selected !== undefined && options.selected.length > 0 && !options.selected.includes(definition.id)
      const reason = filteredOut ? 'not run: the run was filtered to other gates' : `no spec ran for this gate (expected specs/${definition.id}.spec.ts)`
      const blocked = options.blocked?.[definition.id]
      return { ...base, status: 'unverified', reason: blocked && !filteredOut ? `${reason}; ${blocked}` : reason, durationMs: 0, checks: [] }
    }
    const seen = new Map<string, number>()
    const checks = module.checks.map((check) => {
      const classified = classifyCheck(check)
      const id = uniqueId(check.meta.check ?? slugify(check.title), seen)
      return {
        id,
        title: check.title,
        status: classified.status,
        reason: classified.reason,
        durationMs: Math.round(check.durationMs),
        evidence: [...new Set(check.meta.evidence ?? [])],
        ...(check.meta.values ? { values: check.meta.values } : {}),
      }
    })
    const moduleError = module.errors.map((error) => error.message.split('\n')[0]).join('; ')
    const blocked = options.blocked?.[definition.id]
    const status = moduleError || blocked ? (computeGateStatus(checks) === 'fail' ? 'fail' : 'unverified') : computeGateStatus(checks)
    const reasons = [
      blocked ?? null,
      moduleError ? `the spec did not run cleanly: ${moduleError}` : null,
      !moduleError && checks.length === 0 ? 'the spec declared no check' : null,
    ].filter((text): text is string => text !== null)
    const reason = reasons.length > 0 ? reasons.join('; ') : null
    return { ...base, status, reason, durationMs: Math.round(module.durationMs), checks }
  })
  return { gates, problems }
}

/** A check id from a title: lower-case words joined by "-". */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'check'
  )
}

function uniqueId(id: string, seen: Map<string, number>): string {
  const count = (seen.get(id) ?? 0) + 1
  seen.set(id, count)
  return count === 1 ? id : `${id}-${count}`
}
