import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReadinessReport } from '../../support/verdict/readiness-report.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** What one `openbell` process did. */
export interface OpenbellRun {
  exitCode: number
  stdout: string
  stderr: string
  reportsDir: string
  /** The run's report, or `null` when none was written (usage errors). */
  report: ReadinessReport | null
  runDir: string | null
}

/** Options of {@link runOpenbell}. */
export interface RunOpenbellOptions {
  /** Added to the test process's environment. */
  env?: NodeJS.ProcessEnv
  /** The child is killed after this long. @default 120_000 */
  timeoutMs?: number
  /** The reports folder, for runs that share one (history, run-to-run changes). @default a fresh temporary folder */
  reportsDir?: string
}

/** Runs the real `openbell` CLI in a child process with a fresh reports folder, as an operator would. */
export function runOpenbell(args: readonly string[], options: RunOpenbellOptions = {}): Promise<OpenbellRun> {
  const reportsDir = options.reportsDir ?? mkdtempSync(path.join(os.tmpdir(), 'openbell-run-'))
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/openbell.js'), ...args, '--reports', reportsDir],
      { cwd: ROOT, env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        const latest = path.join(reportsDir, 'latest')
        let report: ReadinessReport | null = null
        try {
          report = JSON.parse(readFileSync(path.join(latest, 'readiness_report.json'), 'utf8')) as ReadinessReport
        } catch {}
        resolve({ exitCode, stdout, stderr, reportsDir, report, runDir: report ? latest : null })
      },
    )
  })
}
