import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { nodePlatform } from '../../emulators/firestore/platform.ts'
import { whyNoDocker } from '../../emulators/firestore/strategies/testcontainers-strategy.ts'

/**
 * Issue 18: the image's rules, read from the Dockerfile where there is no Docker engine (as the manifest tests read
 * deploy/), and the image built and started where there is one.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> }

/** Instructions with their continuation lines joined; comments dropped. */
const instructions = read('Dockerfile')
  .replace(/\\\n\s*/g, '')
  .split('\n')
  .filter((line) => /^[A-Z]+\s/.test(line))
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)?.push(line), all)), [])
const [dependencies = [], runtime = []] = stages

/** Every package a file imports by name (`from 'x'`, `import('x')`), its scope kept. */
function importedPackages(folder: string, keep: (file: string) => boolean): Set<string> {
  const found = new Set<string>()
  for (const entry of readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name) || !keep(file)) continue
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from |import\()'([^.'][^']*)'/g)) {
      if (specifier?.startsWith('node:')) continue
      found.add(specifier?.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier?.split('/')[0] ?? ''))
    }
  }
  return found
}
const notTest = (file: string) => !/\.test\.ts$|\.global\.ts$/.test(file)
/** What `openbell test --env=cluster` can load: the entry point, the library, the gate specs (the floor is loaded only in emulator mode). */
const clusterImports = new Set(['bin', 'support', 'specs'].flatMap((folder) => [...importedPackages(folder, notTest)]))

describe('Dockerfile', () => {
  it('has two stages on the same base: the current Node.js LTS slim image, pinned by version and digest', () => {
    expect(stages).toHaveLength(2)
    const base = /^FROM (node:(\d+)\.\d+\.\d+-bookworm-slim@sha256:[0-9a-f]{64}) AS (dependencies|runtime)$/
    const [first, second] = [dependencies[0] ?? '', runtime[0] ?? ''].map((line) => base.exec(line))
    expect([first?.[3], second?.[3]]).toEqual(['dependencies', 'runtime'])
    expect(second?.[1]).toBe(first?.[1])
    // The image's Node.js line is one CI tests and the one the pre-open workflow runs.
    const major = Number(first?.[2])
    const acceptance = parseDocument(read('.github/workflows/acceptance.yml')).toJS()
    expect(acceptance.jobs.acceptance.strategy.matrix.node).toContain(major)
    expect(read('.github/workflows/pre-open.yml')).toMatch(new RegExp(`node-version: ${major}\\n`))
    expect(major % 2, 'an even-numbered line: Node.js LTS lines are even').toBe(0)
  })

  it('builds dist/ and keeps only the production dependencies, in the first stage, and copies both from it', () => {
    // `npm ci` runs the root's `prepare` (the build); `npm prune --omit=dev` then drops the compiler and the test tools.
    expect(dependencies.filter((line) => line.startsWith('RUN '))).toEqual([
      expect.stringMatching(/^RUN npm ci --no-audit && npm prune --omit=dev --no-audit && npm cache clean --force/),
    ])
    expect(pkg.scripts.prepare).toBe('node bin/build-dist.js')
    expect(runtime).toContain('COPY --from=dependencies /app/node_modules ./node_modules')
    expect(runtime).toContain('COPY --from=dependencies /app/dist ./dist')
    expect(runtime.filter((line) => /\bnpm (ci|install|i)\b/.test(line))).toEqual([])
  })

  it('leaves npm, npx and corepack out of the runtime stage', () => {
    expect(runtime).toContain('RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack')
  })

  it('runs as the non-root node user with HOME on /tmp (the pod mounts /tmp and /reports; the root filesystem is read-only)', () => {
    expect(runtime.filter((line) => line.startsWith('USER '))).toEqual(['USER node'])
    expect(instructions.findLastIndex((line) => line.startsWith('USER '))).toBeGreaterThan(instructions.findLastIndex((line) => /^(RUN|COPY) /.test(line)))
    expect(runtime.find((line) => line.startsWith('ENV '))).toMatch(/HOME=\/tmp/)
    expect(runtime.filter((line) => /--chown|chmod/.test(line)), '/app stays owned by root').toEqual([])
    expect(runtime.at(-2)).toBe('ENTRYPOINT ["node", "/app/bin/openbell.js"]')
    expect(runtime.at(-1)).toBe('CMD ["test", "--env=cluster", "--reports=/reports"]')
  })

  it('passes the git commit to `openbell --version` as OPENBELL_GIT_COMMIT', () => {
    expect(runtime).toContain('ARG GIT_COMMIT=""')
    expect(runtime.find((line) => line.startsWith('ENV '))).toMatch(/OPENBELL_GIT_COMMIT=\$\{GIT_COMMIT\}/)
  })

  it('copies what a cluster-mode run reads (the compiled code, the launcher, fixtures, scenario names), and no TypeScript source nor test', () => {
    for (const folder of ['bin', 'support', 'specs', 'emulators']) expect(dependencies).toContain(`COPY ${folder} ./${folder}`)
    expect(runtime).toContain('COPY bin/openbell.js bin/build-dist.js ./bin/')
    expect(runtime).toContain('COPY fixtures ./fixtures')
    expect(runtime).toContain('COPY emulators/scenarios ./emulators/scenarios')
    expect(runtime.some((line) => /^COPY (bin|support|specs|emulators|tests|bench|docs|tsconfig[^ ]*) /.test(line))).toBe(false)
    // Without tsconfig.build.json the launcher runs dist/ as built: it never tries to compile in the image.
    expect(runtime.some((line) => line.includes('tsconfig'))).toBe(false)
  })

  it('declares every package a cluster-mode run imports as a dependency, and nothing else', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...clusterImports].sort())
  })

  it('keeps test-only and emulator-only packages out of the dependencies', () => {
    for (const name of ['fast-check', 'testcontainers', '@firestore-emulator/server', 'typescript', '@types/node', 'tsx']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name)
      expect(pkg.devDependencies, name).toHaveProperty(name)
    }
  })
})

const noDocker = await whyNoDocker(process.env, nodePlatform)

describe('the image', () => {
  it.skipIf(noDocker !== undefined)(
    `builds, and prints its version as uid 1000 on a read-only root filesystem${noDocker ? ` (skipped: ${noDocker})` : ''}`,
    () => {
      const tag = `openbell:test-${process.pid}`
      const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
      try {
        execFileSync('docker', ['build', '--build-arg', `GIT_COMMIT=${commit}`, '-t', tag, ROOT], { stdio: 'ignore', timeout: 900_000 })
        expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Config.User}}', tag], { encoding: 'utf8' }).trim()).toBe('node')
        const version = execFileSync('docker', ['run', '--rm', '--read-only', '--tmpfs', '/tmp', '--user', '1000:1000', '--network', 'none', tag, '--version'], { encoding: 'utf8' })
        expect(version.trim()).toBe(`openbell ${JSON.parse(read('package.json')).version} (commit ${commit})`)
      } finally {
        execFileSync('docker', ['image', 'rm', '--force', tag], { stdio: 'ignore' })
      }
    },
    900_000,
  )
})
