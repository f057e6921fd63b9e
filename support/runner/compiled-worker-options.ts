import type { InlineConfig } from 'vitest/node'
import { CODE_ROOT, MODULE_EXTENSION } from '../project-paths.ts'

/**
 * The spec worker's options when openbell runs compiled: the worker loads `dist/` with Node's own loader (vite
 * transforms nothing of it) and maps stack traces through the source maps, so a check's error names the `.ts` line.
 * From the TypeScript sources (the harness's own tests) vite transforms them as before: no options.
 */
export function compiledWorkerOptions(): Pick<InlineConfig, 'execArgv' | 'server'> {
  if (MODULE_EXTENSION !== '.js') return {}
  // @note only vitest's setup files and the spec files themselves are still handed to vite (it insists on them);
  // everything they import from dist/ is external.
  const inCodeRoot = new RegExp(`^${escapeRegExp(CODE_ROOT)}[\\\\/]`)
  return { execArgv: ['--enable-source-maps'], server: { deps: { external: [inCodeRoot] } } }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
