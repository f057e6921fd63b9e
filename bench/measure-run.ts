import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCli, resolveConfig } from '../support/config/index.ts'
import type { ReadinessReport } from '../support/verdict/index.ts'
import { PROJECT_ROOT, runRunbook } from '../support/run/index.ts'
import { runBaselineReads, type BaselineResult, type BaselineTarget } from './baseline-reads.ts'
import { readRunBreakdown, type RunBreakdown } from './read-run-breakdown.ts'
import { startTreeRssSampler } from './sample-tree-rss.ts'
import type { TreeRss } from './tree-rss.ts'

/** One measured runbook run. */
export interface RunSample extends RunBreakdown {
  /** From spawning the process (or calling `runRunbook`) to the verdict: the GO/NO-GO line, or `runRunbook` returning. */
  verdictMs: number
  /** From spawning the process to its exit; equals `verdictMs` in-process. */
  exitMs: number
  /** Peak RSS summed over the run's process tree. */
  peakRssBytes: number
  /** How that peak split by command name (`node`, `java`). */
  peakRssByCommand: Record<string, number>
}

/** One measured baseline pass. */
export interface BaselineSample extends BaselineResult {
  /** Process start to exit for a fresh process; the reads alone in-process. */
  wallMs: number
  peakRssBytes: number
  peakRssByCommand: Record<string, number>
}

/** Settings shared by every measurement. */
export interface MeasureOptions {
  /** RSS sampling interval in ms. */
  sampleMs: number
  /** Processes counted in the peak RSS besides the run's own tree, e.g. the floor's JVM. @default [] */
  extraRoots?: readonly number[]
}

const OPENBELL_BIN = path.join(PROJECT_ROOT, 'bin/openbell.js')
const BASELINE_SCRIPT = path.join(PROJECT_ROOT, 'bench/baseline-reads.ts')
/** Variables of the bench process that must not leak into a measured child unless set on purpose. */
const CLEARED_ENV = /^(OPENBELL_|FIRESTORE_EMULATOR_HOST$|KUBECONFIG$|GITHUB_STEP_SUMMARY$|APCA_)/

/** Runs `node bin/openbell.js <args> --reports <tmp>` once and measures it (cold in emulator mode, warm in cluster mode). */
export async function measureProcessRun(args: readonly string[], env: NodeJS.ProcessEnv, options: MeasureOptions): Promise<RunSample> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-bench-'))
  try {
    const child = await runChild([OPENBELL_BIN, ...args, '--reports', reportsDir], env, options, (line) => /^(GO|NO-GO)\b/.test(line))
    let report: ReadinessReport
    try {
      report = JSON.parse(readFileSync(path.join(reportsDir, 'latest', 'readiness_report.json'), 'utf8')) as ReadinessReport
    } catch (error) {
      throw new Error(`[openbell] bench: openbell ${args.join(' ')} exited ${child.exitCode} without a readable report (${String(error)}): ${child.stderr.slice(-500)}`)
    }
    return { ...readRunBreakdown(report, child.spawnedAt), verdictMs: child.markMs ?? child.exitMs, exitMs: child.exitMs, ...peakOf(child.peakRss) }
  } finally {
    rmSync(reportsDir, { recursive: true, force: true })
  }
}

/** Runs the runbook in this process (`runRunbook`, cluster mode) once and measures it; the process tree is this process's. */
export async function measureInProcessRun(args: readonly string[], options: MeasureOptions): Promise<RunSample> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-bench-'))
  const sampler = await startTreeRssSampler(options.sampleMs)
  try {
    sampler.track([process.pid, ...(options.extraRoots ?? [])])
    const config = resolveConfig(parseCli([...args, '--reports', reportsDir], process.env), { env: process.env })
    // @note the runbook's console view would interleave with the bench's own output; the report has everything.
    const write = process.stdout.write
    process.stdout.write = (() => true) as typeof process.stdout.write
    const started = performance.now()
    let report: ReadinessReport
    try {
      report = (await runRunbook({ config })).report
    } finally {
      process.stdout.write = write
    }
    const verdictMs = performance.now() - started
    return { ...readRunBreakdown(report, null), verdictMs, exitMs: verdictMs, ...peakOf(await sampler.stop()) }
  } finally {
    await sampler.stop().catch(() => null)
    rmSync(reportsDir, { recursive: true, force: true })
  }
}

/** Runs the baseline script as a fresh process against `target` and measures it. */
export async function measureBaselineProcess(target: BaselineTarget, options: MeasureOptions): Promise<BaselineSample> {
  const env = {
    KUBECONFIG: target.kubeconfigPath,
    FIRESTORE_EMULATOR_HOST: target.firestoreEmulatorHost,
    OPENBELL_NAMESPACE: target.namespace,
    OPENBELL_TENANT_ID: target.tenantId,
    OPENBELL_FIRESTORE_PROJECT: target.firestoreProject,
  }
  const child = await runChild(['--import', 'tsx', BASELINE_SCRIPT], env, options, () => false)
  if (child.exitCode !== 0) throw new Error(`[openbell] bench: the baseline process exited ${child.exitCode}: ${child.stderr.slice(-500)}`)
  return { ...(JSON.parse(child.stdout) as BaselineResult), wallMs: child.exitMs, ...peakOf(child.peakRss) }
}

/** Runs the baseline reads in this process and measures them (the reads alone: modules are already loaded). */
export async function measureBaselineInProcess(target: BaselineTarget, options: MeasureOptions): Promise<BaselineSample> {
  const sampler = await startTreeRssSampler(options.sampleMs)
  try {
    sampler.track([process.pid, ...(options.extraRoots ?? [])])
    const result = await runBaselineReads(target)
    return { ...result, wallMs: result.readsMs, ...peakOf(await sampler.stop()) }
  } finally {
    await sampler.stop().catch(() => null)
  }
}

interface ChildOutcome {
  spawnedAt: number
  exitMs: number
  exitCode: number | null
  /** When the first stdout line `mark` accepted was seen, from the spawn. */
  markMs: number | null
  peakRss: TreeRss
  stdout: string
  stderr: string
}

/** Spawns `node <args>` in the project root with a clean environment plus `env`, sampling its tree's RSS. */
async function runChild(args: readonly string[], env: NodeJS.ProcessEnv, options: MeasureOptions, mark: (line: string) => boolean): Promise<ChildOutcome> {
  const childEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLEARED_ENV.test(name)))
  const sampler = await startTreeRssSampler(options.sampleMs)
  const spawnedAt = Date.now()
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  sampler.track([child.pid!, ...(options.extraRoots ?? [])])
  let markMs: number | null = null
  let pending = ''
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) if (markMs === null && mark(line)) markMs = performance.now() - started
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve(code))
  })
  const exitMs = performance.now() - started
  if (markMs === null && pending !== '' && mark(pending)) markMs = exitMs
  return { spawnedAt, exitMs, exitCode, markMs, peakRss: await sampler.stop(), stdout, stderr }
}

function peakOf(rss: TreeRss): { peakRssBytes: number; peakRssByCommand: Record<string, number> } {
  return { peakRssBytes: rss.total, peakRssByCommand: rss.byCommand }
}
