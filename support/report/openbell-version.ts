import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The version of openbell itself, from its package.json; every report names it. */
export const OPENBELL_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : 'unknown'
  } catch {
    return 'unknown'
  }
})()
