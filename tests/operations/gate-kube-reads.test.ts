import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { KUBE_READ_NAMES, type KubeReadName } from '../../support/gates/kube-reads.ts'
import { GATE_IDS, type GateId } from '../../support/gates/api.ts'
import { GATE_KUBE_READS } from '../../support/gates/gate-registry.ts'

/**
 * Issue 9: the start-of-run permission check is only as good as GATE_KUBE_READS. This reads each spec statically and
 * follows every function the `kube` reader is handed to (in the spec or in support/), so a spec that starts making a
 * new read fails here until its gate lists it (and the Role in deploy/ grants it).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : []
  })
}

/** Top-level functions (`function name(` … a closing brace at column 0) and their bodies. */
function functionBodies(text: string): Map<string, string> {
  const bodies = new Map<string, string>()
  for (const match of text.matchAll(/^(?:export )?(?:async )?function (\w+)\b[\s\S]*?\n\}\n/gm)) bodies.set(match[1] as string, match[0])
  return bodies
}

const SUPPORT_FUNCTIONS = new Map(sourceFiles(path.join(ROOT, 'support')).flatMap((file) => [...functionBodies(readFileSync(file, 'utf8'))]))

/** The reads a piece of code makes through `kube`, following the functions it hands `kube` to. */
function readsOf(text: string, local: Map<string, string>, seen = new Set<string>()): { reads: Set<string>; unknown: Set<string> } {
  const reads = new Set<string>()
  const unknown = new Set<string>()
  for (const match of text.matchAll(/\bkube\.(\w+)\(/g)) reads.add(match[1] as string)
  for (const match of text.matchAll(/\b(\w+)\(\s*(?:[\w.]+,\s*)*kube\b/g)) {
    const name = match[1] as string
    if (seen.has(name)) continue
    seen.add(name)
    const body = local.get(name) ?? SUPPORT_FUNCTIONS.get(name)
    if (body === undefined) {
      unknown.add(name)
      continue
    }
    const nested = readsOf(body.replace(/^[^{]*\{/, ''), local, seen)
    nested.reads.forEach((read) => reads.add(read))
    nested.unknown.forEach((name) => unknown.add(name))
  }
  return { reads, unknown }
}

describe('GATE_KUBE_READS', () => {
  const specs = readdirSync(path.join(ROOT, 'specs')).filter((file) => file.endsWith('.spec.ts'))

  it.each(specs)('lists every Kubernetes read that specs/%s makes', (file) => {
    const gate = file.replace(/\.spec\.ts$/, '') as GateId
    expect(GATE_IDS).toContain(gate)
    const text = readFileSync(path.join(ROOT, 'specs', file), 'utf8')
    const { reads, unknown } = readsOf(text, functionBodies(text))
    expect([...unknown], 'functions handed `kube` whose source was not found').toEqual([])
    const made = [...reads].filter((read) => read !== 'serverVersion' && read !== 'identity')
    expect(made.filter((read) => !(KUBE_READ_NAMES as readonly string[]).includes(read)), 'reads missing from KUBE_READS').toEqual([])
    expect(made.filter((read) => !GATE_KUBE_READS[gate].includes(read as KubeReadName)), `reads missing from GATE_KUBE_READS['${gate}']`).toEqual([])
  })

  it('follows a helper into support/ (observeEndpoint reads through the service proxy)', () => {
    expect([...readsOf('await observeEndpoint(kube, evidence, service, "/metrics")', new Map()).reads]).toEqual(['proxyGet'])
  })
})
