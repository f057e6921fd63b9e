import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILD } from '../../bin/build-dist.js'
import { KubeApiEmulator, type StartedKubeApi } from '../../emulators/kube-api/index.ts'
import { runOpenbell, type OpenbellRun } from '../scenarios/run-openbell.ts'

/**
 * Issue 14: a run of the real CLI executes the compiled JavaScript in every process (no TypeScript is loaded, no tsx),
 * the spec worker installs the live-host guard before any client loads, and the report names the version and commit.
 * One cluster-mode run against a Kubernetes API stand-in (no floor to start), every process recording what it loads.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const HOOK = path.join(ROOT, 'tests/cli/record-resolved-modules.mjs')
const CLIENTS = ['@kubernetes/client-node', 'firebase-admin', '@alpacahq/alpaca-trade-api', '@google-cloud/firestore']
const GUARD = 'dist/support/guard/install-network-guard.js'
/** The clients the build bundles, by package name: their one file under dist/vendor/ is where they load from. */
const VENDORED = new Map(Object.entries(BUILD.vendored ?? {}).map(([name, file]) => [name, `dist/vendor/${file}`]))

describe('a run of the compiled CLI', () => {
  let kube: StartedKubeApi
  let run: OpenbellRun
  /** Each process's and worker thread's resolved modules, in order, keyed by `<pid>.<thread id>`. */
  const byThread = new Map<string, string[]>()
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-compiled-run-'))

  beforeAll(async () => {
    kube = await new KubeApiEmulator().start()
    const log = path.join(scratch, 'modules.log')
    run = await runOpenbell(['run', 'kill-switch', '--env=cluster', '--tenant-id', 't1'], {
      // @note NODE_OPTIONS reaches vitest's spec worker too (a worker thread: Node reads it from the environment vitest
      // hands the thread), so the worker records its modules as well.
      env: { KUBECONFIG: kube.kubeconfigPath, OPENBELL_MODULE_LOG: log, NODE_OPTIONS: `--import ${HOOK}`, OPENBELL_GIT_COMMIT: '' },
    })
    for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      const [thread = '', url = ''] = line.split(' ')
      byThread.set(thread, [...(byThread.get(thread) ?? []), url.replace(/^file:\/\/\/.*?\/(dist|node_modules)\//, '$1/')])
    }
  }, 180_000)
  afterAll(async () => {
    await kube?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  it('reaches a verdict and names openbell\'s version and commit in readiness_report.json', () => {
    expect(run.report, run.stderr).not.toBeNull()
    expect(run.report?.filtered).toBe(true)
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(run.report?.openbellVersion).toBe(pkg.version)
    expect(run.report?.openbellCommit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim())
  })

  it('loads no TypeScript and no tsx in any process or thread, and the bundled client from dist/vendor/ only', () => {
    expect(byThread.size).toBeGreaterThanOrEqual(2)
    const all = [...byThread.values()].flat()
    expect(all.filter((url) => /\.[mc]?ts$/.test(url))).toEqual([])
    expect(all.filter((url) => url.startsWith('node_modules/tsx/'))).toEqual([])
    // and each bundled client loads from its one file in dist/vendor/, never again from its package
    for (const [name, file] of VENDORED) {
      expect(all).toContain(file)
      expect(all.filter((url) => url.startsWith(`node_modules/${name}/`))).toEqual([])
    }
  })

  it('installs the live-host guard in the spec worker before any client is loaded', () => {
    const worker = [...byThread.values()].find((urls) => urls.includes('dist/specs/kill-switch.spec.js'))
    expect(worker, 'the spec worker ran the compiled spec').toBeDefined()
    const guardAt = worker?.indexOf(GUARD) ?? -1
    expect(guardAt).toBeGreaterThanOrEqual(0)
    const firstClient = worker?.findIndex((url) => CLIENTS.some((name) => url.startsWith(`node_modules/${name}/`) || url === VENDORED.get(name))) ?? -1
    expect(firstClient, 'a client is loaded at all').toBeGreaterThanOrEqual(0)
    expect(guardAt).toBeLessThan(firstClient)
    // and vite transformed none of openbell's code: the worker resolved the compiled specs and support natively
    expect(worker).toContain('dist/support/index.js')
  })
})
