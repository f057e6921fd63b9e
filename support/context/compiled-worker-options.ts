import type { InlineConfig } from 'vitest/node'
import { CODE_ROOT, MODULE_EXTENSION } from '../project-paths.ts'

/**
 * The spec worker's options when openbell runs compiled: the worker loads `dist/` with Node's own loader (vite
 * transforms nothing of it) and maps stack traces through the source maps, so a check's error names the `.ts` line.
 * From the TypeScript sources (the harness's own tests) vite transforms them as before: no options.
 */
export function compiledWorkerOptions(options: { resident?: boolean } = {}): Pick<InlineConfig, 'execArgv' | 'server'> {
  if (MODULE_EXTENSION !== '.js') return {}
  // @note everything the specs import from dist/ is external. A resident worker (`openbell watch`) runs the same spec
  // files again and again: Node caches an external module for the life of the process, so the second evaluation
  // would re-run nothing. Its spec files and setup file go through vite's module runner instead, which evaluates them
  // anew each run (and lets the old copies be collected); what they import stays native and loaded.
  const reevaluated = options.resident ? `(?!specs[\\\\/]|support[\\\\/]worker[\\\\/]worker-setup\\.js$)` : ''
  const inCodeRoot = new RegExp(`^${escapeRegExp(CODE_ROOT)}[\\\\/]${reevaluated}`)
  return { execArgv: ['--enable-source-maps'], server: { deps: { external: [inCodeRoot] } } }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
