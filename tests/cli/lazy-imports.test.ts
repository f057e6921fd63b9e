import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { BUILD } from '../../bin/build-dist.js'

/**
 * Issue 14: each command imports only what it needs. The real CLI runs in a child process with a resolve hook that
 * records every module the process loads; the heavy packages a command has no use for must not be among them.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const HOOK = path.join(ROOT, 'tests/cli/record-resolved-modules.mjs')
const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-lazy-imports-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const HEAVY = ['@kubernetes/client-node', 'firebase-admin', 'msw', 'vitest', 'prom-client'] as const

/** The packages (by `node_modules/<name>/`) and openbell files (under dist/) the CLI's own process loaded (its main thread: thread 0). */
async function loadedBy(args: readonly string[]): Promise<{ exitCode: number; packages: Set<string>; files: string[]; stderr: string }> {
  const log = path.join(scratch, `${args.join('_').replace(/[^\w-]/g, '_')}.log`)
  const { exitCode, pid, stderr } = await new Promise<{ exitCode: number; pid: number; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', HOOK, path.join(ROOT, 'bin/openbell.js'), ...args],
      { cwd: scratch, env: { ...process.env, OPENBELL_MODULE_LOG: log, OPENBELL_REPORTS: path.join(scratch, 'reports') }, timeout: 180_000 },
      (error, _stdout, stderr) => resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, pid: child.pid ?? -1, stderr }),
    )
  })
  const urls = readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith(`${pid}.0 `)).map((line) => line.slice(line.indexOf(' ') + 1))
  const packages = new Set(urls.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
    // @note a package the build bundles (dist/vendor/) counts as that package.
    const vendored = Object.entries(BUILD.vendored ?? {}).find(([, file]) => url.endsWith(`/dist/vendor/${file}`))?.[0]
    return match?.[1] ? [match[1]] : vendored ? [vendored] : []
  }))
  const files = urls.filter((url) => url.includes('/dist/')).map((url) => url.slice(url.indexOf('/dist/') + 1))
  return { exitCode, packages, files, stderr }
}

describe('each command imports only what it needs (the CLI\'s own process, compiled)', () => {
  it.each([
    { command: '--help', args: ['--help'], exitCode: 0 },
    { command: '--version', args: ['--version'], exitCode: 0 },
    { command: 'a usage error', args: ['run', '--no-such-flag'], exitCode: 2 },
    // @note `watch` is imported only when it runs: its flags are checked without the clients, vitest or prom-client.
    { command: 'a watch usage error', args: ['watch', '--interval', '3'], exitCode: 2 },
    { command: 'scenarios', args: ['scenarios'], exitCode: 0 },
    { command: 'verify (a folder that is no run folder)', args: ['verify', '.'], exitCode: 1 },
  ])('$command loads none of client-node, firebase-admin, msw, vitest or prom-client', async ({ args, exitCode }) => {
    const run = await loadedBy(args)
    expect(run.exitCode, run.stderr).toBe(exitCode)
    // the record is real: the process did load openbell's compiled entry point and no TypeScript at all
    expect(run.files).toContain('dist/bin/openbell.js')
    expect(run.files.filter((file) => file.endsWith('.ts'))).toEqual([])
    for (const name of HEAVY) expect(run.packages, name).not.toContain(name)
    expect(run.packages).not.toContain('tsx')
  }, 180_000)

  it('plan loads vitest (it collects the specs) but neither the clients nor the floor', async () => {
    const run = await loadedBy(['plan'])
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.packages).toContain('vitest')
    for (const name of ['@kubernetes/client-node', 'firebase-admin', 'msw', 'prom-client']) expect(run.packages, name).not.toContain(name)
    expect(run.files.filter((file) => file.startsWith('dist/emulators/') && !file.startsWith('dist/emulators/scenarios/scenario-names'))).toEqual([])
  }, 180_000)

  it('a run loads msw and the Firestore and Kubernetes clients only in its spec worker, which seeds and reads the cluster for the runner', async () => {
    const run = await loadedBy(['run'])
    // GO: the floor was seeded and the cluster's identity and preflight were read, by the spec worker's errands
    expect(run.exitCode, run.stderr).toBe(0)
    // the record is real: this thread ran the specs (vitest), started the floor and asked for the errands
    expect(run.packages).toContain('vitest')
    expect(run.files).toContain('dist/emulators/start-floor.js')
    expect(run.files).toContain('dist/support/prepare/preparation-errands.js')
    for (const name of ['msw', '@kubernetes/client-node', 'firebase-admin']) expect(run.packages, name).not.toContain(name)
    expect(run.files.filter((file) => file.startsWith('dist/support/seed/') || file.startsWith('dist/support/kube/'))).toEqual([])
  }, 180_000)
})
