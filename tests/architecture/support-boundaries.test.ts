import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCycle, listTsFiles, readImports, ROOT, supportNode, type ImportEdge } from './read-imports.ts'

/**
 * support/ is cut by domain (support/<domain>/, issue 15). Each domain's index.ts is its public surface; support/index.ts
 * is the specs' surface; files at support/'s root (errors.ts, judgement.ts, project-paths.ts, deep-freeze.ts,
 * within-deadline.ts) are shared leaves. What emulators/ may import is checked in emulators-import-types-only.test.ts.
 *
 * Who may deep-import: files inside a domain import their siblings directly (tests beside the code included). Tests
 * under tests/ may import a domain's internals (integration tests drive internals on purpose); support/, specs/,
 * emulators/, bin/ and bench/ may not.
 */
const STRICT_TOPS = ['support', 'specs', 'emulators', 'bin', 'bench']
const STRICT_EDGES = listTsFiles(STRICT_TOPS).flatMap(readImports)
const SUPPORT_EDGES = STRICT_EDGES.filter((edge) => edge.from.startsWith('support/'))

/** The first cycle of the folder graph of these imports, with one import per step, or undefined. */
function cycleOf(edges: readonly ImportEdge[]): string | undefined {
  const graph = new Map<string, Set<string>>()
  const example = new Map<string, ImportEdge>()
  for (const edge of edges) {
    const [from, to] = [supportNode(edge.from), supportNode(edge.to)]
    if (!from || !to || from === to) continue
    graph.set(from, (graph.get(from) ?? new Set()).add(to))
    example.set(`${from} ${to}`, edge)
  }
  const cycle = findCycle(graph)
  const steps = cycle?.slice(1).map((to, i) => show(example.get(`${cycle[i]} ${to}`)!))
  return cycle && `${cycle.join(' -> ')}:\n  ${steps!.join('\n  ')}`
}

const show = (edge: ImportEdge): string => `${edge.from}:${edge.line} imports ${edge.to}`
const domains = (): string[] => [...new Set(SUPPORT_EDGES.map((edge) => supportNode(edge.from)))].filter((node) => node?.endsWith('/')) as string[]

describe('support/ is cut by domain, each behind its barrel', () => {
  it('reads the imports it judges (specs import support/index.ts, support/ imports its domains)', () => {
    expect(STRICT_EDGES.filter((edge) => edge.from.startsWith('specs/') && edge.to === 'support/index.ts').length).toBeGreaterThan(0)
    expect(domains().length).toBeGreaterThan(5)
  })

  it('every domain folder has an index.ts', () => {
    const missing = domains().filter((domain) => !existsSync(path.join(ROOT, 'support', domain, 'index.ts')))
    expect(missing, 'add an index.ts that exports what outsiders use (the restructure codemod generates it)').toEqual([])
  })

  it('nothing outside a domain folder imports a file inside it other than its index.ts (tests/ excepted)', () => {
    const deep = STRICT_EDGES.filter((edge) => {
      const target = supportNode(edge.to)
      return target?.endsWith('/') && supportNode(edge.from) !== target && edge.to !== `support/${target}index.ts`
    })
    expect(deep.map(show), 'import the folder\'s index.ts and export the name from there').toEqual([])
  })

  it('no file in support/ imports support/index.ts: it is the specs\' surface, above every domain', () => {
    expect(SUPPORT_EDGES.filter((edge) => edge.to === 'support/index.ts').map(show)).toEqual([])
  })

  // @note two graphs: what loads at run time (value imports), and what a reader must hold in mind (types too).
  it.each([
    ['what loads at run time (value imports)', (edge: ImportEdge) => !edge.typeOnly],
    ['counting type-only imports too', () => true],
  ])('the folder import graph of support/ is acyclic: %s', (_, counts) => {
    const cycle = cycleOf(SUPPORT_EDGES.filter(counts))
    expect(cycle, 'move a file (or a type) so the folders import one way').toBeUndefined()
  })

  it('finds a cycle where there is one, and names it', () => {
    const graph = new Map([['a/', new Set(['b/'])], ['b/', new Set(['c/'])], ['c/', new Set(['a/'])], ['d/', new Set(['a/'])]])
    expect(findCycle(graph)).toEqual(['a/', 'b/', 'c/', 'a/'])
    expect(findCycle(new Map([['a/', new Set(['b/'])], ['b/', new Set<string>()]]))).toBeUndefined()
  })
})
