import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { runFixture } from './run-fixture.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** A fixture run and `openbell verify`; a loaded 2-core machine took over 120 s (slow, not broken). */
const TIMEOUT_MS = 240_000

/** Where in stdout a line starts, or -1: the order of events in one stream, never their timing. */
const lineAt = (stdout: string, pattern: RegExp) => stdout.split('\n').findIndex((line) => pattern.test(line))

/**
 * The verdict is printed and the reports are sealed before the emulator floor stops; the floor's stop is bounded and
 * changes neither the verdict, nor its exit code, nor the sealed reports (issue 14).
 */
describe('the verdict comes before the teardown', () => {
  it.each(['hangs', 'throws'] as const)('a floor whose stop %s: verdict printed first, exit code and sealed reports unchanged', { timeout: TIMEOUT_MS }, async (floorStop) => {
    const run = await runFixture('all-pass', { floorStop, teardownDeadlineMs: 1_000 })
    expect(run.report.verdict).toBe('GO')
    expect(run.processExitCode).toBe(0)
    const verdict = lineAt(run.stdout, /^GO$/)
    expect(verdict, run.stdout).toBeGreaterThanOrEqual(0)
    expect(lineAt(run.stdout, /^floor: stop called$/)).toBeGreaterThan(verdict)
    expect(lineAt(run.stdout, /^runbook: 2 passed, 0 failed, 0 skipped$/)).toBeLessThan(lineAt(run.stdout, /^floor: stop called$/))
    expect(run.teardown).toEqual({
      stopped: false,
      problem: floorStop === 'hangs' ? 'they were still stopping after 1000 ms' : 'injected: the floor failed to stop',
    })
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
    // @note the auditor's own command on the folder the failed stop came after.
    expect(execFileSync(process.execPath, [path.join(ROOT, 'bin/openbell.js'), 'verify', run.runDir], { cwd: ROOT, encoding: 'utf8' })).toMatch(/^INTACT: /)
  })

  it('a NO-GO keeps its exit code through a floor whose stop throws', { timeout: TIMEOUT_MS }, async () => {
    const run = await runFixture('assertion-fails', { floorStop: 'throws', teardownDeadlineMs: 1_000 })
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.processExitCode).toBe(1)
    expect(lineAt(run.stdout, /^NO-GO — /)).toBeLessThan(lineAt(run.stdout, /^floor: stop called$/))
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })
})

describe('the progress line', () => {
  it('names a slow check on stderr, scrubbed, and nowhere in the reports', { timeout: TIMEOUT_MS }, async () => {
    const canary = 'CANARY-sk-5e4d3c2b1a'
    const run = await runFixture('slow-check', { env: { APCA_API_SECRET_KEY: canary } })
    expect(run.report.verdict).toBe('GO')
    expect(run.stderr).toMatch(/^openbell: waiting for .*kill-switch: waits for a slow endpoint of /m)
    expect(run.stderr).not.toContain(canary)
    expect(run.stderr).not.toContain('\u001b')
    expect(run.stderr).toContain('\\u001b[2J')
    expect(run.stdout).not.toMatch(/waiting for/)
    const files = execFileSync('find', [run.runDir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('openbell: waiting for')
  })
})
