import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../../support/verdict/readiness-report.ts'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { isAlive, liveDescendants } from '../floor/process-tree.ts'

/**
 * A crash of the harness, of any kind, still leaves `readiness_report.json` with verdict NO-GO and the error, exits
 * non-zero, and leaves no process behind (issue 7). The crashes are injected into the real CLI on the real floor.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const CHECK_LINE = /^\s+[✓✗?] /m

interface Outcome {
  exitCode: number | null
  report: ReadinessReport
  runDir: string
  stdout: string
  stderr: string
  leftovers: number[]
}

/** Runs a command, calls `act` once stdout matches `when` (the first check line), and returns the report and what was left running. */
async function runAndWatch(args: string[], act: (pid: number) => void = () => undefined, when = CHECK_LINE): Promise<Outcome> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-crash-'))
  const child = spawn(process.execPath, [...args, '--reports', reportsDir], { cwd: ROOT })
  const seen = new Set<number>()
  let stdout = ''
  let stderr = ''
  let acted = false
  const watcher = setInterval(() => liveDescendants(child.pid ?? -1).forEach((pid) => seen.add(pid)), 100)
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (!acted && when.test(stdout)) {
      acted = true
      act(child.pid ?? -1)
    }
  })
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  clearInterval(watcher)
  const report = JSON.parse(readFileSync(path.join(reportsDir, 'latest', 'readiness_report.json'), 'utf8')) as ReadinessReport
  // @note what the run ended may take a moment to go (a spec worker exits when its channel to openbell closes):
  // wait for that, up to a deadline, rather than a fixed pause that a loaded machine overruns.
  const deadline = Date.now() + 5_000
  while ([...seen].some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  return { exitCode, report, runDir: path.join(reportsDir, 'latest'), stdout, stderr, leftovers: [...seen].filter(isAlive) }
}

const crashing = (mode: string) => ['--import', 'tsx', path.join(ROOT, 'tests/crash/run-crashing-openbell.ts'), mode, 'run']
const messages = (report: ReadinessReport) => report.problems.map((problem) => problem.message)

describe('a crash of the harness ends the run NO-GO, with the error in the report', () => {
  it('the floor fails to start after some stand-ins started (invalid data found at start)', { timeout: 240_000 }, async () => {
    const run = await runAndWatch(crashing('floor-fails'))
    expect(run.exitCode).toBe(3)
    expect(run.report.verdict).toBe('NO-GO')
    expect(messages(run.report).join('\n')).toContain('openbell could not complete the run: [openbell] invalid kube-api emulator options: serviceProxy.Not_A_Namespace/')
    expect(run.report.gates.every((gate) => gate.status === 'unverified')).toBe(true)
    expect(run.leftovers, 'processes the failed floor left running (the Firestore emulator)').toEqual([])
  })

  it.each([
    ['throw-after-floor', 'openbell crashed: injected crash (throw-after-floor): the harness failed after the floor started'],
    ['reject-after-floor', 'openbell crashed: injected crash (reject-after-floor): the harness failed after the floor started'],
  ])('%s: an error nobody handles in the main process', { timeout: 240_000 }, async (mode, message) => {
    // @note a check hangs on a slow endpoint for 20 s, so the crash (a second after the floor is up) lands before the
    // verdict: a healthy floor's gates can all be decided within that second, and a decided verdict stands.
    const run = await runAndWatch([...crashing(mode), '--scenario', 'slow-endpoint', '--request-timeout', '20000'])
    expect(run.exitCode).toBe(3)
    expect(run.report.verdict).toBe('NO-GO')
    expect(messages(run.report)).toContain(message)
    expect(run.stderr).toContain(`[openbell] ${message}`)
    expect(run.leftovers).toEqual([])
  })

  it('a floor whose stop hangs: GO printed before the teardown, exit 0, the JVM killed as openbell exits', { timeout: 240_000 }, async () => {
    const run = await runAndWatch(crashing('stop-hangs'))
    const lines = run.stdout.split('\n')
    expect(run.exitCode).toBe(0)
    expect(run.report.verdict).toBe('GO')
    expect(lines.indexOf('GO'), run.stdout).toBeGreaterThanOrEqual(0)
    expect(lines.indexOf('floor: stop called')).toBeGreaterThan(lines.indexOf('GO'))
    expect(run.stderr).toContain('[openbell] the emulators did not stop cleanly after the verdict (they were still stopping after 25000 ms)')
    expect(run.leftovers, 'the Firestore emulator that was never stopped').toEqual([])
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('Ctrl-C while the floor stops: the GO and its exit code stand, the JVM is killed', { timeout: 240_000 }, async () => {
    const run = await runAndWatch(crashing('stop-hangs'), (pid) => process.kill(pid, 'SIGINT'), /^floor: stop called$/m)
    expect(run.exitCode).toBe(0)
    expect(run.report.verdict).toBe('GO')
    expect(run.stderr).toContain('[openbell] interrupted (SIGINT) while the emulators were stopping; the verdict above stands')
    expect(run.leftovers).toEqual([])
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('openbell itself is killed with SIGKILL while the checks run (the spec worker, a thread, goes with it): the report on disk is NO-GO', { timeout: 240_000 }, async () => {
    // @note what killing the spec worker process from outside (the OOM killer) now does: it takes the runner along.
    // Nothing of openbell runs after SIGKILL, so the report left is the provisional one written before the floor started.
    const run = await runAndWatch([path.join(ROOT, 'bin/openbell.js'), 'run'], (pid) => process.kill(pid, 'SIGKILL'))
    // @note no exit hook runs after SIGKILL: whatever the floor left (the JVM in its own process group) is ended here.
    for (const pid of run.leftovers) process.kill(pid, 'SIGKILL')
    expect(run.exitCode).toBeNull()
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.report.exitCode).not.toBe(0)
    expect(messages(run.report)).toContain('the run did not complete: openbell stopped before reaching a verdict')
  })

  it('the spec worker (a thread of openbell\'s process) ends abruptly while the checks run', { timeout: 240_000 }, async () => {
    // @note the worker is a thread, not a process: nothing outside can kill it alone, so it ends itself once the first
    // check has run (`end-worker-thread.ts`), with none of vitest's handling, as a killed worker process did.
    const run = await runAndWatch(crashing('worker-dies'))
    expect(run.exitCode).not.toBe(0)
    expect(run.report.verdict).toBe('NO-GO')
    expect(messages(run.report).join('\n')).toMatch(/^unhandled error: .*Worker/m)
    expect(run.leftovers).toEqual([])
  })
})
