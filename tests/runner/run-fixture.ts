import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReadinessReport } from '../../support/verdict/readiness-report.ts'
import type { TeardownOutcome } from '../../support/run/tear-down-floor.ts'
import type { GateId } from '../../support/gates/api.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * How long one fixture run may take before it is killed.
 * @note under the test timeout (120 s): a fixture run takes ~5–10 s, but 60 s was overrun on the shared 2-core machine
 * at a load average of 20–30 (slow, not broken).
 */
const FIXTURE_RUN_TIMEOUT_MS = 110_000

/** The outcome of the real runner on one fixture specs folder. */
export interface FixtureRun {
  /** The exit code in the report. */
  exitCode: number
  /** The exit code the runner's process ended with. */
  processExitCode: number | null
  runDir: string
  /** The SHA-256 of the run context the runner built (its JSON), or `null` when none was built. */
  contextSha256: string | null
  report: ReadinessReport
  stdout: string
  stderr: string
  /** How the floor's stop went after the verdict. */
  teardown: TeardownOutcome | null
}

/** Runs `tests/runner/fixtures/<name>` through the real runner in a child process, as CI would run the runbook. */
export async function runFixture(
  name: string,
  options: {
    gates?: GateId[]
    argv?: string[]
    env?: NodeJS.ProcessEnv
    reportsDir?: string
    forbidden?: string[]
    floorLooksUp?: string
    floorStop?: 'hangs' | 'throws'
    teardownDeadlineMs?: number
    workerEnv?: Record<string, string>
  } = {},
): Promise<FixtureRun> {
  const reportsDir = options.reportsDir ?? mkdtempSync(path.join(os.tmpdir(), `openbell-${name}-`))
  const request = {
    specsDir: path.join(here, 'fixtures', name),
    reportsDir,
    gates: options.gates ?? ['kill-switch'],
    argv: options.argv,
    ...(options.forbidden ? { forbidden: options.forbidden } : {}),
    ...(options.floorLooksUp ? { floorLooksUp: options.floorLooksUp } : {}),
    ...(options.floorStop ? { floorStop: options.floorStop } : {}),
    ...(options.teardownDeadlineMs ? { teardownDeadlineMs: options.teardownDeadlineMs } : {}),
    ...(options.workerEnv ? { workerEnv: options.workerEnv } : {}),
  }
  // @note the runner exits with the verdict's exit code, as `openbell run` does: a NO-GO exit is an outcome, not an error.
  const { stdout, stderr, processExitCode } = await new Promise<{ stdout: string; stderr: string; processExitCode: number | null }>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'run-fixture-project.ts'), JSON.stringify(request)],
      { env: { ...process.env, ...options.env }, cwd: path.join(here, '../..'), timeout: FIXTURE_RUN_TIMEOUT_MS },
      (error, out, err) =>
        error && typeof error.code !== 'number' ? reject(new Error(`${error.message}\n${err}`)) : resolve({ stdout: out, stderr: err, processExitCode: error ? Number(error.code) : 0 }),
    )
  })
  let outcome: { exitCode: number; runDir: string; contextSha256: string | null; teardown: TeardownOutcome | null }
  try {
    outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as typeof outcome
  } catch {
    throw new Error(`the fixture runner exited ${processExitCode} without its outcome line:\n${stdout}\n${stderr}`)
  }
  const report = JSON.parse(readFileSync(path.join(outcome.runDir, 'readiness_report.json'), 'utf8')) as ReadinessReport
  return { ...outcome, processExitCode, report, stdout, stderr }
}
