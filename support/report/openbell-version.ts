import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../project-paths.ts'

/** Where openbell's version and commit are read (`openbell --version`, every report), with defaults. */
export const VERSION_SOURCES = Object.freeze({
  packageJson: path.join(PROJECT_ROOT, 'package.json'),
  /** Set by the image build (`docker build --build-arg GIT_COMMIT=…`), where there is no `.git`. */
  commitEnvVar: 'OPENBELL_GIT_COMMIT',
  /** How long `git rev-parse HEAD` may take in a checkout before the commit is reported unknown. */
  gitTimeoutMs: 2_000,
})

/** The version of openbell itself, from its package.json; every report names it. */
export const OPENBELL_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(VERSION_SOURCES.packageJson, 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : 'unknown'
  } catch {
    return 'unknown'
  }
})()

const COMMIT = /^[0-9a-f]{7,40}$/

/**
 * The git commit openbell was built from: the image's `OPENBELL_GIT_COMMIT`, else `git rev-parse HEAD` of its
 * checkout; `undefined` when neither says (a value that is not a hex commit id counts as unknown).
 */
export function readOpenbellCommit(env: NodeJS.ProcessEnv, sources = VERSION_SOURCES): string | undefined {
  const fromEnv = env[sources.commitEnvVar]?.trim().toLowerCase()
  if (fromEnv) return COMMIT.test(fromEnv) ? fromEnv : undefined
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: path.dirname(sources.packageJson),
      encoding: 'utf8',
      timeout: sources.gitTimeoutMs,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    return COMMIT.test(head) ? head : undefined
  } catch {
    // @note no git, not a checkout, or too slow: the version alone still identifies the release.
    return undefined
  }
}

/**
 * The line `openbell --version` prints: `openbell 0.1.0 (commit 0123abc…)`, or `(commit unknown)` when neither the
 * image's build argument nor a git checkout says. A value that is not a hex commit id is never echoed.
 */
export function describeVersion(env: NodeJS.ProcessEnv, sources = VERSION_SOURCES): string {
  const { version } = JSON.parse(readFileSync(sources.packageJson, 'utf8')) as { version: string }
  return `openbell ${version} (commit ${readOpenbellCommit(env, sources) ?? 'unknown'})`
}
