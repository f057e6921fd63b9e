import type { WatchBenchResult } from './measure-watch.ts'
import type { ResolvedBenchOptions } from './bench-options.ts'
import type { CliSamples } from './measure-cli.ts'
import type { BaselineSample, RunSample } from './measure-run.ts'

/** The measurements of warm runs against one already-running floor. */
export interface WarmFloorResult {
  /** Namespace totals and trades of the floor; `null` for the fixture as it is. */
  size: { pods: number; services: number; configMaps: number; trades: number } | null
  /** The floor's start-up, once: each stand-in and the seeding (`seed`). */
  floorStartupMs: Record<string, number>
  /** `node bin/openbell.js run --env=cluster …` as a fresh process, each time. */
  warmProcess: RunSample[]
  /** `runRunbook` repeatedly in the bench process (after `warmInProcessFirst`). */
  warmInProcess: RunSample[]
  /** The first in-process run, which also loads vitest and the clients into the bench process; not in `warmInProcess`. */
  warmInProcessFirst: RunSample | null
  /** The baseline script as a fresh process. */
  baselineProcess: BaselineSample[]
  /** The baseline reads in the bench process (after one unmeasured pass). */
  baselineInProcess: BaselineSample[]
}

/** What `npm run bench` writes to `reports/bench/<runId>.json`. */
export interface BenchResult {
  runId: string
  startedAt: string
  finishedAt: string
  machine: { cpus: number; totalMemoryMb: number; node: string; platform: string; loadAverageStart: number[]; loadAverageEnd: number[] }
  options: ResolvedBenchOptions
  /** Spawn-to-exit times of the CLI commands (`--help`, a usage error, `scenarios`, `plan`); `null` when skipped. */
  cli: CliSamples | null
  /** `node bin/openbell.js run` in emulator mode, process start to verdict, emulators included. */
  cold: RunSample[]
  small: WarmFloorResult | null
  large: WarmFloorResult | null
  /** `openbell watch`: detection times, warm re-evaluations, RSS over many evaluations; `null` when skipped. */
  watch?: WatchBenchResult | null
  /** The table as printed. */
  table: string
}
