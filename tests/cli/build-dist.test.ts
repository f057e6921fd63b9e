import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildDist, isBuildStale, namedImportsOf, sourceFingerprint, type Build } from '../../bin/build-dist.js'

/** Issue 14: `bin/openbell.js` never runs a dist/ built from other sources; the check is names, sizes and times only. */
describe('whether dist/ must be rebuilt', () => {
  const roots: string[] = []
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })))

  /** A checkout with one source folder holding `a.ts`, `a.test.ts` and `sub/b.ts`, all at `t`, built (after `t`) at `builtAt`. */
  function checkout(t: number, builtAt: number | null): Build & { root: string } {
    const root = mkdtempSync(path.join(os.tmpdir(), 'openbell-build-'))
    roots.push(root)
    const src = path.join(root, 'support')
    mkdirSync(path.join(src, 'sub'), { recursive: true })
    for (const file of ['a.ts', 'a.test.ts', 'sub/b.ts']) writeFileSync(path.join(src, file), '')
    writeFileSync(path.join(root, 'tsconfig.build.json'), '{}')
    for (const file of ['support/a.ts', 'support/a.test.ts', 'support/sub/b.ts', 'support/sub', 'support', 'tsconfig.build.json']) utimesSync(path.join(root, file), t, t)
    const build = { root, dist: path.join(root, 'dist'), tsconfig: path.join(root, 'tsconfig.build.json'), sourceDirs: [src], configs: [path.join(root, 'tsconfig.build.json')], stamp: '.built' }
    if (builtAt !== null) {
      mkdirSync(build.dist)
      // @note what buildDist writes: the fingerprint of the sources it compiled.
      writeFileSync(path.join(build.dist, '.built'), `${sourceFingerprint(build)}\n`)
      utimesSync(path.join(build.dist, '.built'), builtAt, builtAt)
    }
    return build
  }

  it('is stale with no build at all, and fresh when the build is newer than every source', () => {
    expect(isBuildStale(checkout(1_000, null))).toBe(true)
    expect(isBuildStale(checkout(1_000, 2_000))).toBe(false)
  })

  it.each([
    { change: 'a source edited', file: 'support/sub/b.ts' },
    { change: 'a tsconfig edited', file: 'tsconfig.build.json' },
  ])('is stale after $change', ({ file }) => {
    const build = checkout(1_000, 2_000)
    utimesSync(path.join(build.root, file), 3_000, 3_000)
    expect(isBuildStale(build)).toBe(true)
  })

  it('is stale after a source is deleted (its folder changed), so a removed spec never runs from an old build', () => {
    const build = checkout(1_000, 2_000)
    rmSync(path.join(build.root, 'support/sub/b.ts'))
    expect(isBuildStale(build)).toBe(true)
  })

  it('is stale after a source is replaced by a copy with an older time (cp -p), not only a newer one', () => {
    const build = checkout(1_000, 2_000)
    writeFileSync(path.join(build.root, 'support/a.ts'), 'export const changed = true\n')
    utimesSync(path.join(build.root, 'support/a.ts'), 500, 500)
    expect(isBuildStale(build)).toBe(true)
  })

  it('ignores an edited test file: tests are not part of the build', () => {
    const build = checkout(1_000, 2_000)
    utimesSync(path.join(build.root, 'support/a.test.ts'), 3_000, 3_000)
    expect(isBuildStale(build)).toBe(false)
  })
})

/** Issue 14: a vendored package is bundled with only what dist/ imports from it, or whole when that cannot be known. */
describe('what the build bundles of a vendored package', () => {
  const compiled = (...texts: string[]) => texts.map((text) => ({ text }))

  it('is the names dist/ imports or re-exports from it, each once, aliases by their exported name', () => {
    const names = namedImportsOf(
      '@kubernetes/client-node',
      compiled(
        "import { CoreV1Api, KubeConfig, } from '@kubernetes/client-node';\nimport { z } from 'zod';",
        'import {\n  ApiException as KubeApiException,\n  CoreV1Api\n} from "@kubernetes/client-node";',
        "export { Watch } from '@kubernetes/client-node';",
      ),
    )
    expect(names).toEqual(['ApiException', 'CoreV1Api', 'KubeConfig', 'Watch'])
  })

  it('is the whole package when any mention of it is not a named import: a namespace, default or dynamic import, a string', () => {
    for (const other of [
      "import * as k8s from '@kubernetes/client-node';",
      "import k8s from '@kubernetes/client-node';",
      "import { default as k8s } from '@kubernetes/client-node';",
      "const k8s = await import('@kubernetes/client-node');",
      "const name = '@kubernetes/client-node';",
    ]) {
      expect(namedImportsOf('@kubernetes/client-node', compiled("import { KubeConfig } from '@kubernetes/client-node';", other)), other).toBeNull()
    }
    expect(namedImportsOf('@kubernetes/client-node', compiled("import { z } from 'zod';"))).toBeNull()
  })
})

/** The esbuild service processes of this process still running (a zombie has ended). */
function liveEsbuildChildren(): string[] {
  const rows = execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,stat=,comm='], { encoding: 'utf8' }).trim().split('\n')
  return rows.filter((row) => / esbuild$/.test(row) && !/^\s*\d+\s+Z/.test(row))
}

describe('a build', () => {
  it('bundles the vendored package and leaves no esbuild service running in the process that built (a watch builds at its start and runs all day)', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'openbell-build-'))
    try {
      mkdirSync(path.join(root, 'support'))
      writeFileSync(path.join(root, 'support', 'a.ts'), "import { z } from 'zod'\nexport const name = z.string()\n")
      writeFileSync(path.join(root, 'tsconfig.build.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', rootDir: 'support', skipLibCheck: true }, include: ['support/**/*.ts'] }))
      const build = { dist: path.join(root, 'dist'), tsconfig: path.join(root, 'tsconfig.build.json'), sourceDirs: [path.join(root, 'support')], configs: [path.join(root, 'tsconfig.build.json')], stamp: '.built', vendored: { zod: 'zod.js' } }
      buildDist(() => undefined, build)
      expect(existsSync(path.join(root, 'dist', 'vendor', 'zod.js'))).toBe(true)
      expect(readFileSync(path.join(root, 'dist', 'a.js'), 'utf8')).toContain('./vendor/zod.js')
      // @note esbuild's stop is asynchronous: its service process may take a moment to exit.
      for (let tries = 0; tries < 50 && liveEsbuildChildren().length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(liveEsbuildChildren()).toEqual([])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
