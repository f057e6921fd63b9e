import { readFileSync } from 'node:fs'
import { readOpenbellCommit, VERSION_SOURCES } from '../report/openbell-version.ts'

/**
 * The line `openbell --version` prints: `openbell 0.1.0 (commit 0123abc…)`, or `(commit unknown)` when neither the
 * image's build argument nor a git checkout says. A value that is not a hex commit id is never echoed.
 */
export function describeVersion(env: NodeJS.ProcessEnv, sources = VERSION_SOURCES): string {
  const { version } = JSON.parse(readFileSync(sources.packageJson, 'utf8')) as { version: string }
  return `openbell ${version} (commit ${readOpenbellCommit(env, sources) ?? 'unknown'})`
}

export { VERSION_SOURCES }
