import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReadinessReport } from '../../support/report/readiness-report.ts'
import type { GateId } from '../../support/verdict/api.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The outcome of the real runner on one fixture specs folder. */
export interface FixtureRun {
  exitCode: number
  runDir: string
  /** The SHA-256 of the run context the runner built (its JSON), or `null` when none was built. */
  contextSha256: string | null
  report: ReadinessReport
  stdout: string
}

/** Runs `tests/runner/fixtures/<name>` through the real runner in a child process, as CI would run the runbook. */
export async function runFixture(
  name: string,
  options: { gates?: GateId[]; argv?: string[]; env?: NodeJS.ProcessEnv; reportsDir?: string; forbidden?: string[]; floorLooksUp?: string } = {},
): Promise<FixtureRun> {
  const reportsDir = options.reportsDir ?? mkdtempSync(path.join(os.tmpdir(), `openbell-${name}-`))
  const request = {
    specsDir: path.join(here, 'fixtures', name),
    reportsDir,
    gates: options.gates ?? ['kill-switch'],
    argv: options.argv,
    ...(options.forbidden ? { forbidden: options.forbidden } : {}),
    ...(options.floorLooksUp ? { floorLooksUp: options.floorLooksUp } : {}),
  }
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'run-fixture-project.ts'), JSON.stringify(request)],
      { env: { ...process.env, ...options.env }, cwd: path.join(here, '../..'), timeout: 60_000 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    )
  })
  const outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { exitCode: number; runDir: string; contextSha256: string | null }
  const report = JSON.parse(readFileSync(path.join(outcome.runDir, 'readiness_report.json'), 'utf8')) as ReadinessReport
  return { ...outcome, report, stdout }
}
