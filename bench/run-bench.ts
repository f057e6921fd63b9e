/**
 * `npm run bench` (issue 8): time to verdict and how it grows with the size of the floor. Measures cold
 * emulator-mode runs, warm cluster-mode runs against a floor started once (fresh process and in-process), the same
 * against a large floor, a plain baseline making the same reads, and peak RSS of each; prints a table and writes
 * `reports/bench/<runId>.json`. Targets are reported, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { LARGE_KUBE_FLOOR_SIZE } from '../emulators/kube-api/generate-large-floor.ts'
import { UsageError } from '../support/errors.ts'
import { PROJECT_ROOT } from '../support/project-paths.ts'
import { parseBenchOptions, type ResolvedBenchOptions } from './bench-options.ts'
import type { BenchResult } from './bench-result.ts'
import { buildBenchRows } from './build-bench-rows.ts'
import { measureCli } from './measure-cli.ts'
import { measureProcessRun, type RunSample } from './measure-run.ts'
import { measureWarmFloor } from './measure-warm-floor.ts'
import { measureWatch, watchRows } from './measure-watch.ts'
import { renderBenchTable } from './render-bench-table.ts'

/** The large floor's `--request-timeout`: the longest a request may take (the check timeout). */
const LARGE_FLOOR_REQUEST_TIMEOUT_MS = 20_000

/** Runs the benchmark with resolved options and returns what it wrote. */
export async function runBench(options: ResolvedBenchOptions, log: (line: string) => void = (line) => process.stderr.write(`[bench] ${line}\n`)): Promise<BenchResult> {
  const startedAt = new Date()
  const runId = startedAt.toISOString().replace(/[-:]/g, '')
  const loadAverageStart = os.loadavg()
  log(`run ${runId}: ${options.cold} cold, ${options.warm} warm, ${options.large} large-floor runs; load average ${loadAverageStart.map((load) => load.toFixed(2)).join(' ')}`)

  // @note untimed: after `npm ci` the first start of the Firestore emulator records its class-data archive, and
  // that run's exit is ~5 s longer; it is also the run that fills the file cache.
  const cli = options.cli > 0 ? await measureCli(options.cli, log) : null
  if (options.cold > 0) {
    const warmUp = await measureProcessRun(['run'], {}, { sampleMs: options.sampleMs })
    log(`warm-up (untimed): ${Math.round(warmUp.verdictMs)} ms ${warmUp.verdict}`)
  }
  const cold: RunSample[] = []
  for (let index = 1; index <= options.cold; index += 1) {
    const sample = await measureProcessRun(['run'], {}, { sampleMs: options.sampleMs })
    cold.push(sample)
    log(`cold ${index}/${options.cold}: ${Math.round(sample.verdictMs)} ms ${sample.verdict}, peak RSS ${Math.round(sample.peakRssBytes / 2 ** 20)} MB`)
  }
  const small =
    options.warm > 0 ? await measureWarmFloor({ repetitions: options.warm, floor: {}, sampleMs: options.sampleMs, log: (line) => log(`small floor ${line}`) }) : null
  const large =
    options.large > 0
      ? await measureWarmFloor({
          repetitions: options.large,
          floor: { kube: LARGE_KUBE_FLOOR_SIZE, trades: options.largeTrades },
          // @note the Firestore emulator has no indexes: the Whale Flow query sorts all 100,000 trades (7–8 s), past the
          // 5 s default deadline. Production Firestore serves it from an index; the benchmark measures it rather than
          // stopping at the deadline.
          requestTimeoutMs: LARGE_FLOOR_REQUEST_TIMEOUT_MS,
          sampleMs: options.sampleMs,
          log: (line) => log(`large floor ${line}`),
        })
      : null

  const watch = options.watchEvaluations > 0 ? await measureWatch({ evaluations: options.watchEvaluations, log }) : null
  const table = renderBenchTable([...buildBenchRows({ runId, startedAt: startedAt.toISOString(), options, cli, cold, small, large }), ...(watch ? watchRows(watch) : [])])
  const result: BenchResult = {
    runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism(),
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform} ${os.release()}`,
      loadAverageStart,
      loadAverageEnd: os.loadavg(),
    },
    options,
    cli,
    cold,
    small,
    large,
    watch,
    table,
  }
  const outDir = path.resolve(PROJECT_ROOT, options.out)
  mkdirSync(outDir, { recursive: true })
  writeFileSync(path.join(outDir, `${runId}.json`), `${JSON.stringify(result, null, 2)}\n`, { mode: 0o600 })
  return result
}

/** The command: parse, run, print the table and where the JSON went; exit 2 on a usage error. */
async function main(argv: readonly string[]): Promise<number> {
  let options: ResolvedBenchOptions
  try {
    options = parseBenchOptions(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n`)
    return 2
  }
  const result = await runBench(options)
  const load = (loads: number[]) => loads.map((value) => value.toFixed(2)).join(' ')
  process.stdout.write(
    `${result.table}\n\nmachine: ${result.machine.cpus} CPUs, ${result.machine.totalMemoryMb} MB, node ${result.machine.node}; ` +
      `load average (1/5/15 min) ${load(result.machine.loadAverageStart)} at the start, ${load(result.machine.loadAverageEnd)} at the end\n` +
      `written: ${path.relative(process.cwd(), path.resolve(PROJECT_ROOT, options.out, `${result.runId}.json`))}\n`,
  )
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
