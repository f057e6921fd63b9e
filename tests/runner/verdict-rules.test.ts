import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyRunFolder } from '../../support/report/verify/verify-run-folder.ts'
import { runFixture } from './run-fixture.ts'

/** Each rule of the fail-closed verdict, proven on the real runner with a fixture spec. */
describe('the verdict is fail-closed', () => {
  it('is GO with exit 0 when every check of every gate passed', async () => {
    const run = await runFixture('all-pass')
    expect(run.report.verdict).toBe('GO')
    expect(run.exitCode).toBe(0)
    expect(run.report.gates[0]?.checks.map((check) => [check.id, check.status])).toEqual([['one', 'pass'], ['two', 'pass']])
  })

  it.each([
    ['assertion-fails', 1, 'fail', "agenttrader-kill-switch EXECUTION_HALTED: expected '0' to be '1'"],
    ['thrown-error', 3, 'unverified', "Cannot read properties of undefined (reading 'data')"],
    ['timeout', 3, 'unverified', 'Test timed out in 100ms.'],
    ['it-skip', 3, 'unverified', 'skipped, so nothing was checked'],
    ['it-todo', 3, 'unverified', 'the check is a todo, so nothing was checked'],
    ['ctx-skip', 3, 'unverified', 'skipped: could not decide'],
    ['no-assertion', 3, 'unverified', 'the check made no assertion, so it proved nothing'],
  ])('%s gives NO-GO with exit %i (%s)', async (fixture, exitCode, status, reason) => {
    const run = await runFixture(fixture)
    expect(run.report.verdict).toBe('NO-GO')
    expect(run.exitCode).toBe(exitCode)
    const second = run.report.gates[0]?.checks[1]
    expect(second?.status).toBe(status)
    expect(second?.reason).toContain(reason)
    // @note issue 9: whatever the run found, its folder must stand up to `openbell verify`.
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('a spec that fails to import gives NO-GO with exit 3', async () => {
    const run = await runFixture('import-fails')
    expect(run.exitCode).toBe(3)
    expect(run.report.gates[0]).toMatchObject({ status: 'unverified' })
    expect(run.report.gates[0]?.reason).toContain('the spec could not load its fixtures')
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('a gate of the manifest without a spec gives NO-GO with exit 3', async () => {
    const run = await runFixture('all-pass', { gates: ['kill-switch', 'metrics'] })
    expect(run.exitCode).toBe(3)
    expect(run.report.gates.map((gate) => [gate.id, gate.status])).toEqual([['kill-switch', 'pass'], ['metrics', 'unverified']])
  })

  it('a spec outside the manifest gives NO-GO with exit 3', async () => {
    const run = await runFixture('outside-manifest')
    expect(run.exitCode).toBe(3)
    expect(run.report.problems.map((problem) => problem.message)).toContain(
      'specs/rogue.spec.ts is not in the gate manifest; add it to the gate registry (support/gates/gate-registry.ts) or remove it',
    )
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })

  it('a run filtered to some gates is never GO, even when they pass', async () => {
    const run = await runFixture('all-pass', { argv: ['kill-switch'] })
    expect(run.report.gates[0]?.status).toBe('pass')
    expect(run.report.filtered).toBe(true)
    expect(run.exitCode).toBe(3)
  })

  it('a run filtered by check title is never GO', async () => {
    const run = await runFixture('all-pass', { argv: ['-t', 'one'] })
    expect(run.exitCode).toBe(3)
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
  })
})

describe('the reports of a run', () => {
  it('write junit.xml with the gate id on every case, the JSON and Markdown reports, and a verifiable manifest', async () => {
    const run = await runFixture('assertion-fails')
    const junit = readFileSync(path.join(run.runDir, 'junit.xml'), 'utf8')
    expect(junit.match(/<testcase [^>]*classname="kill-switch"/g)).toHaveLength(2)
    const markdown = readFileSync(path.join(run.runDir, 'readiness_report.md'), 'utf8')
    expect(markdown.split('\n')[0]).toBe('# openbell readiness: **NO-GO**')
    expect(markdown).toContain("agenttrader-kill-switch EXECUTION_HALTED: expected '0' to be '1'")
    expect(execFileSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: run.runDir, encoding: 'utf8' })).toBe('')
    expect(readFileSync(path.join(run.runDir, 'manifest.sha256'), 'utf8')).toContain('  junit.xml\n')
  })

  it('end on stdout with the verdict and the counting line', async () => {
    const run = await runFixture('assertion-fails')
    expect(run.report.counts).toEqual({ passed: 1, failed: 1, skipped: 0, waived: 0 })
  })

  it('never contain a planted canary secret, in any file', async () => {
    const canary = 'CANARY-sk-9f8e7d6c5b4a'
    const run = await runFixture('canary', { env: { APCA_API_SECRET_KEY: canary } })
    const files = execFileSync('find', [run.runDir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')
    expect(files.length).toBeGreaterThan(4)
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(canary)
    expect(verifyRunFolder(run.runDir).discrepancies).toEqual([])
    expect(run.stdout).not.toContain(canary)
  })

  it('never contain a credential only the spec worker learned, quoted bare by a failing check (the worker shares what it learns with the runner\'s scrubbing)', async () => {
    const token = 'openbell-emulator-token'
    const paperSecret = 'canary-floor-paper-secret-5521'
    // a Kubernetes API stand-in (denying nothing) whose kubeconfig holds the token, and a floor that hands the worker a
    // paper key pair: the spec worker loads and receives both, the runner's thread never does
    const run = await runFixture('echoed-credential', { forbidden: [], workerEnv: { APCA_API_KEY_ID: 'PKFLOORCANARY5521', APCA_API_SECRET_KEY: paperSecret } })
    const [kubeToken, paper, rawStderr] = run.report.gates[0]?.checks ?? []
    expect(kubeToken?.status).toBe('unverified')
    expect(kubeToken?.reason).toContain('the API server answered 401 (token [redacted] is expired)')
    expect(paper?.reason).toContain('the broker answered 401 for the secret [redacted]')
    expect(rawStderr?.status).toBe('pass')
    expect(run.stderr).toContain('raw stderr: token=[redacted] secret=[redacted]')
    const files = execFileSync('find', [run.runDir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n')
    expect(files.length).toBeGreaterThan(4)
    for (const secret of [token, paperSecret]) {
      for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(secret)
      expect(run.stdout + run.stderr).not.toContain(secret)
    }
  })
})
