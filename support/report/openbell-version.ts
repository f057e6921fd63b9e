import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../project-paths.ts'

/** The version of openbell itself, from its package.json; every report names it. */
export const OPENBELL_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : 'unknown'
  } catch {
    return 'unknown'
  }
})()
