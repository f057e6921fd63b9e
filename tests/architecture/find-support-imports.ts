import path from 'node:path'
import { parseAst } from 'rolldown/parseAst'

/** One import of a module under `support/`, where it is written and whether it loads the module at run time. */
export interface SupportImport {
  /** `file:line`, the file relative to the project root. */
  at: string
  /** The imported module, relative to the project root, e.g. `support/errors.ts`. */
  module: string
  /** `type` for `import type`/`export type`, which the compiler erases; `value` for anything that loads the module. */
  kind: 'type' | 'value'
}

interface Node {
  type: string
  start: number
  [key: string]: unknown
}

/**
 * Every import, re-export and dynamic `import()` in a TypeScript source that reaches a module under `support/`,
 * read with a real TypeScript parser (oxc, through rolldown). `import { type A }` counts as a value import: with
 * `verbatimModuleSyntax` it is kept as `import {}`, which loads the module.
 */
export function findSupportImports(root: string, file: string, code: string): SupportImport[] {
  const support = path.join(root, 'support') + path.sep
  const found: SupportImport[] = []
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length
  const record = (node: Node, source: unknown, kind: SupportImport['kind']) => {
    if (typeof source !== 'string' || !source.startsWith('.')) return
    const target = path.resolve(path.dirname(file), source)
    if (!target.startsWith(support)) return
    found.push({ at: `${path.relative(root, file)}:${lineOf(node.start)}`, module: path.relative(root, target), kind })
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    const each = node as Node
    const source = (each.source as { value?: unknown } | null | undefined)?.value
    if (each.type === 'ImportDeclaration' || each.type === 'ExportNamedDeclaration' || each.type === 'ExportAllDeclaration') {
      record(each, source, (each.importKind ?? each.exportKind) === 'type' ? 'type' : 'value')
    } else if (each.type === 'ImportExpression') {
      record(each, source ?? '.', 'value')
    }
    for (const [key, child] of Object.entries(each)) if (key !== 'source') visit(child)
  }
  visit(parseAst(code, { lang: 'ts' }, file).body)
  return found
}
