import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** One relative import, export-from or dynamic import of one file, paths relative to the repository root. */
export interface ImportEdge {
  readonly from: string
  readonly to: string
  /** `import type`/`export type`, or braces whose every name is `type X`: erased at run time. */
  readonly typeOnly: boolean
  readonly line: number
}

const STATIC = /^(?:import|export)\b([^;'"]*?)\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gm
const SIDE_EFFECT = /^import\s*['"](\.{1,2}\/[^'"]+)['"]/gm
const DYNAMIC = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/** Every `.ts` file under the given top folders, relative to the repository root, `/`-separated. */
export function listTsFiles(tops: readonly string[]): string[] {
  return tops.flatMap((top) =>
    readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.posix.join(top, file.split(path.sep).join('/'))),
  )
}

/** The relative imports of one file: static and side-effect imports, `export … from`, and dynamic `import('…')`. */
export function readImports(file: string): ImportEdge[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length
  const to = (specifier: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
  const edges: ImportEdge[] = []
  for (const match of text.matchAll(STATIC)) {
    edges.push({ from: file, to: to(match[2]!), typeOnly: isTypeOnly(match[1]!), line: lineOf(match.index) })
  }
  for (const pattern of [SIDE_EFFECT, DYNAMIC]) {
    for (const match of text.matchAll(pattern)) {
      edges.push({ from: file, to: to(match[1]!), typeOnly: false, line: lineOf(match.index) })
    }
  }
  return edges
}

function isTypeOnly(clause: string): boolean {
  const trimmed = clause.trim()
  if (trimmed.startsWith('type ') || trimmed.startsWith('type{')) return true
  const names = /^\{([^}]*)\}$/.exec(trimmed)?.[1]
  if (names === undefined) return false
  const parts = names.split(',').map((name) => name.trim()).filter(Boolean)
  return parts.length > 0 && parts.every((name) => name.startsWith('type '))
}

/**
 * The node of the support/ graph a path belongs to: its domain folder (`support/kube/x.ts` → `kube`), a file at
 * support/'s root as itself (`errors.ts`), or undefined outside support/.
 */
export function supportNode(file: string): string | undefined {
  const parts = file.split('/')
  if (parts[0] !== 'support' || parts.length < 2) return undefined
  return parts.length === 2 ? parts[1] : `${parts[1]}/`
}

/** The first cycle of a directed graph, as the path that closes it (`['a/', 'b/', 'a/']`), or undefined. */
export function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const cycle = visit(next)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return undefined
}
