import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../../support/verdict/readiness-report.ts'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { isAlive, liveDescendants } from './process-tree.ts'

/** A whole floor and run; on a loaded 2-core machine that is more than the default 30 s. */
const RUN_TIMEOUT_MS = 180_000
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * A floor whose market-data /metrics never answers, read with the longest request timeout allowed: the run is still
 * checking for up to 20 s after its first check prints. On a healthy floor (or with a 5 s timeout, whose hang can
 * start before the first line prints on a loaded machine) the run could be decided before the signal landed, and a
 * decided verdict stands: that flaked in CI.
 */
const INTERRUPT_MID_CHECK = ['--scenario', 'slow-endpoint', '--request-timeout', '20000'] as const

/** Starts `openbell run`, calls `act` once the first check has printed, and returns what was left behind. */
async function runAndWatch(act: (child: ReturnType<typeof spawn>) => void, args: readonly string[] = []) {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-leftovers-'))
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'run', '--reports', reportsDir, ...args], { cwd: ROOT })
  const seen = new Set<number>()
  let stdout = ''
  const watcher = setInterval(() => liveDescendants(child.pid ?? -1).forEach((pid) => seen.add(pid)), 100)
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (/^\s+[✓✗?] /m.test(stdout) && !child.killed) act(child)
  })
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  clearInterval(watcher)
  const report = JSON.parse(readFileSync(path.join(reportsDir, 'latest', 'readiness_report.json'), 'utf8')) as ReadinessReport
  // @note what the run ended may take a moment to go (a spec worker exits when its channel to openbell closes):
  // wait for that, up to a deadline, rather than a fixed pause that a loaded machine overruns.
  const deadline = Date.now() + 5_000
  while ([...seen].some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  return { exitCode, report, runDir: path.join(reportsDir, 'latest'), spawned: [...seen], leftovers: [...seen].filter(isAlive) }
}

describe('the emulator floor leaves nothing behind', () => {
  it('after a complete run', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await runAndWatch(() => undefined)
    expect(run.spawned.length, 'the run started child processes (vitest workers, the Firestore emulator)').toBeGreaterThan(0)
    expect(run.leftovers).toEqual([])
  })

  it('after Ctrl-C, with a NO-GO report that says so', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await runAndWatch((child) => child.kill('SIGINT'), INTERRUPT_MID_CHECK)
    expect(run.exitCode).toBe(130)
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.report.problems.map((problem) => problem.message)).toContain('interrupted (SIGINT): the run is NO-GO')
    expect(run.leftovers).toEqual([])
    // @note an auditor can still check an interrupted run: its manifest was sealed after the floor stopped.
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('after SIGTERM', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await runAndWatch((child) => child.kill('SIGTERM'), INTERRUPT_MID_CHECK)
    expect(run.exitCode).toBe(143)
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.leftovers).toEqual([])
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })
})

describe('openbell watch leaves nothing behind', () => {
  it('after SIGTERM: the final report\'s exit code, a final report that verifies, and no process of the floor or of vitest', { timeout: RUN_TIMEOUT_MS }, async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-leftovers-watch-'))
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'watch', '--interval', '5', '--metrics-port', '0', '--reports', reportsDir], { cwd: ROOT })
    const seen = new Set<number>()
    let stdout = ''
    const watcher = setInterval(() => liveDescendants(child.pid ?? -1).forEach((pid) => seen.add(pid)), 100)
    // @note SIGTERM once the second evaluation is decided: the resident spec worker is then alive between two runs.
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if ((stdout.match(/ (GO|NO-GO) \(/g) ?? []).length >= 2 && !child.killed) child.kill('SIGTERM')
    })
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    clearInterval(watcher)
    const deadline = Date.now() + 5_000
    while ([...seen].some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seen.size, 'the watch started child processes (the spec worker, the Firestore emulator)').toBeGreaterThan(0)
    expect([...seen].filter(isAlive)).toEqual([])
    const finalRunDir = /; report: (\S+);/.exec(stdout)?.[1]
    expect(finalRunDir, stdout).toBeDefined()
    const final = JSON.parse(readFileSync(path.join(finalRunDir!, 'readiness_report.json'), 'utf8')) as ReadinessReport & { watch: { trigger: string } }
    expect(final.watch.trigger).toBe('final')
    // @note a watch exits as a single run does: with its final report's code, 0 only for GO.
    expect(exitCode, stdout).toBe(final.exitCode)
    expect(verifyRunFolder(finalRunDir!).discrepancies).toEqual([])
  })
})
