import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PROJECT_ROOT } from '../support/project-paths.ts'

/**
 * The commands a user judges the CLI by before any run, each timed from spawning `node bin/openbell.js` to its exit,
 * with issue 14's target for its median (reported, never asserted).
 */
export const CLI_COMMANDS = Object.freeze([
  { label: '--help', args: ['--help'], exitCode: 0, targetMs: 500 },
  { label: 'usage error', args: ['run', '--no-such-flag'], exitCode: 2, targetMs: 500 },
  { label: 'scenarios', args: ['scenarios'], exitCode: 0, targetMs: 1_000 },
  { label: 'plan', args: ['plan'], exitCode: 0, targetMs: 3_000 },
] as const)

/** The label of a {@link CLI_COMMANDS} entry. */
export type CliCommandLabel = (typeof CLI_COMMANDS)[number]['label']

/** Spawn-to-exit times in ms of each command, in the order measured. */
export type CliSamples = Record<CliCommandLabel, number[]>

const OPENBELL_BIN = path.join(PROJECT_ROOT, 'bin/openbell.js')

/**
 * Runs each command once untimed (the file cache, and a build if a source changed), then `repetitions` times timed.
 * @throws Error when a command ends with another exit code than expected: a broken command is not a fast one.
 */
export async function measureCli(repetitions: number, log: (line: string) => void): Promise<CliSamples> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openbell-bench-cli-'))
  const samples = Object.fromEntries(CLI_COMMANDS.map((command) => [command.label, [] as number[]])) as CliSamples
  try {
    for (const command of CLI_COMMANDS) {
      for (let index = 0; index <= repetitions; index += 1) {
        const { ms, exitCode } = await timeOnce(command.args, scratch)
        if (exitCode !== command.exitCode) throw new Error(`[openbell] bench: openbell ${command.args.join(' ')} exited ${exitCode}, expected ${command.exitCode}; run it by hand to see why.`)
        if (index > 0) samples[command.label].push(ms)
      }
      log(`cli ${command.label}: ${samples[command.label].map((ms) => Math.round(ms)).join(', ')} ms`)
    }
    return samples
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function timeOnce(args: readonly string[], cwd: string): Promise<{ ms: number; exitCode: number | null }> {
  const started = performance.now()
  const child = spawn(process.execPath, [OPENBELL_BIN, ...args], { cwd, stdio: 'ignore', env: { ...process.env, OPENBELL_REPORTS: path.join(cwd, 'reports') } })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve({ ms: performance.now() - started, exitCode: code }))
  })
}
