import { describeKubeRead, KUBE_READS, GATE_KUBE_READS } from '../gates/index.ts'
import type { ResolvedConfig } from '../config/index.ts'
import type { CollectedPlan, PlannedCheck } from './collect-plan.ts'
import type { LoadedWaivers } from '../verdict/index.ts'

/** Everything `openbell plan` shows, gathered without contacting anything. */
export interface PlanView {
  config: ResolvedConfig
  /** Cluster mode: what the kubeconfig names (read from the file, never contacted); `null` in emulator mode. */
  kube: { context: string | null; server: string | null } | null
  waivers: LoadedWaivers
  /** The names (never the values) of the Alpaca credential variables that are missing; empty when both are set. */
  missingAlpacaCredentials: readonly string[]
  /** `FIRESTORE_EMULATOR_HOST` in cluster mode. */
  firestoreEmulatorHost: string | null
  collected: CollectedPlan
}

const MODE_MARK: Record<PlannedCheck['mode'], string> = { run: '▸', skip: '?', todo: '?', 'filtered-out': '·' }

/**
 * Renders the plan: the target, the filter state, the waivers, the inputs that decide optional checks, then every
 * gate with the checks a run would execute. `canBeGo` is false when the plan already shows the run cannot be GO.
 */
export function renderPlan(view: PlanView): { text: string; canBeGo: boolean; blockers: string[] } {
  const { config, collected } = view
  const lines: string[] = ['openbell plan: what a run with these flags would do (nothing was started or contacted)', '']
  lines.push(
    config.env === 'emulators'
      ? `target: the embedded emulators${config.scenario ? `, scenario ${config.scenario}` : ''} (started only by a run)`
      : `target: cluster, kube context ${view.kube?.context ?? '-'} at ${view.kube?.server ?? '-'} (from the kubeconfig; not contacted)`,
  )
  lines.push(`namespace: ${config.namespace} · tenant: ${config.tenantId ?? '(none: the data gate would be unverified)'} · Firestore project: ${config.firestoreProject ?? '(none)'}${view.firestoreEmulatorHost ? ` via emulator ${view.firestoreEmulatorHost}` : ''}`)
  lines.push(`session: ${config.session ?? 'the next NYSE session'} · execution authorization: ${config.authorization ? 'given (recorded in every report)' : 'none (EXECUTION_HALTED must be "1")'}`)

  const blockers: string[] = []
  const filters = [
    config.gateFilter.length > 0 ? `gates ${config.gateFilter.join(', ')}` : null,
    config.testNamePattern !== null ? `checks matching /${config.testNamePattern}/` : null,
  ].filter((text): text is string => text !== null)
  if (filters.length > 0) blockers.push('the run is filtered, and a filtered run is never GO')
  lines.push(`filter: ${filters.length > 0 ? `${filters.join(' and ')} (a filtered run is never GO)` : 'none: every gate runs'}`)

  const waivers = view.waivers
  if (waivers.file === null) {
    lines.push('waivers: none (no --waivers and no waivers.yaml in the working folder)')
  } else {
    lines.push(`waivers: ${waivers.file}: ${waivers.waivers.length} valid, ${waivers.problems.length} rejected`)
    for (const waiver of waivers.waivers) lines.push(`  ~ ${waiver.check} until ${waiver.expires} (${waiver.ticket}, ${waiver.owner})`)
    for (const problem of waivers.problems) lines.push(`  ✗ ${problem.message}`)
    if (waivers.problems.length > 0) blockers.push('a waiver is rejected, which makes the run NO-GO')
  }
  lines.push(
    `inputs: Alpaca paper credentials ${view.missingAlpacaCredentials.length === 0 ? 'present (optional checks that need them would run)' : `absent (${view.missingAlpacaCredentials.join(', ')} not set: optional checks that need them would be listed as not run)`}`,
  )

  lines.push('', 'gates:')
  let runs = 0
  for (const gate of collected.gates) {
    const reads = GATE_KUBE_READS[gate.id]
    const header = `  ${gate.id} — ${gate.title} (${gate.runbookRef})`
    if (gate.state === 'filtered-out') {
      lines.push(`${header}: not run (filtered out)`)
      continue
    }
    if (gate.state === 'no-spec') {
      lines.push(`${header}: no spec (specs/${gate.id}.spec.ts); the gate would be unverified`)
      blockers.push(`gate ${gate.id} has no spec`)
      continue
    }
    if (gate.state === 'load-error') {
      lines.push(`${header}: its spec fails to load (${gate.error}); the gate would be unverified`)
      blockers.push(`the spec of ${gate.id} fails to load`)
      continue
    }
    const described = reads.map((read) => describeKubeRead(KUBE_READS[read]))
    lines.push(`${header}${described.length > 0 ? `; Kubernetes reads checked at start: ${described.join(', ')}` : ''}`)
    if (gate.checks.length === 0) blockers.push(`gate ${gate.id} declares no check`)
    for (const check of gate.checks) {
      if (check.mode === 'run') runs++
      if ((check.mode === 'skip' || check.mode === 'todo') && check.optional === null) blockers.push(`${gate.id}/${check.id} is declared ${check.mode}`)
      lines.push(`    ${MODE_MARK[check.mode]} ${check.id}: ${check.title}${describeMode(check)}`)
    }
  }
  for (const stray of collected.strays) {
    lines.push(`  ${stray}: not in the gate manifest; a run would be NO-GO`)
    blockers.push(`${stray} is not in the gate manifest`)
  }
  for (const error of collected.errors) {
    lines.push(`  collecting failed: ${error}`)
    blockers.push('collecting the specs reported an error')
  }
  const canBeGo = blockers.length === 0
  lines.push('', `${runs} checks would run. ${canBeGo ? 'This run can be GO.' : `This run cannot be GO: ${[...new Set(blockers)].join('; ')}.`}`, '')
  return { text: lines.join('\n'), canBeGo, blockers }
}

function describeMode(check: PlannedCheck): string {
  if (check.mode === 'filtered-out') return ' (filtered out by -t)'
  if (check.optional !== null) {
    return check.mode === 'run'
      ? ` (optional: runs when its inputs are there at run time; otherwise not run: ${check.optional})`
      : ` (optional, will not run: ${check.optional})`
  }
  if (check.mode === 'skip') return ' (declared skip: it would be unverified)'
  if (check.mode === 'todo') return ' (todo: it would be unverified)'
  return ''
}
