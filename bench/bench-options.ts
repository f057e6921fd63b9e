import { parseArgs } from 'node:util'
import { UsageError } from '../support/errors.ts'

/** What `npm run bench` measures and how often. Every field has a flag and an environment variable. */
export interface BenchOptions {
  /** Cold emulator-mode runs (`--cold`, `OPENBELL_BENCH_COLD`). @default 5 */
  cold?: number
  /** Warm runs of each kind against the small floor: fresh process, in-process, both baselines (`--warm`, `OPENBELL_BENCH_WARM`). @default 10 */
  warm?: number
  /** Warm runs of each kind against the large floor; 0 skips it (`--large`, `OPENBELL_BENCH_LARGE`). @default 5 */
  large?: number
  /** Whale Flow trades of the large floor (`--large-trades`, `OPENBELL_BENCH_LARGE_TRADES`). @default 100000 */
  largeTrades?: number
  /** Timed runs of each CLI command (`--help`, a usage error, `scenarios`, `plan`); 0 skips them (`--cli`, `OPENBELL_BENCH_CLI`). @default 5 */
  cli?: number
  /** RSS sampling interval in ms (`--sample-ms`, `OPENBELL_BENCH_SAMPLE_MS`). @default 50 */
  sampleMs?: number
  /** Where `<runId>.json` is written (`--out`, `OPENBELL_BENCH_OUT`). @default 'reports/bench' */
  out?: string
  /** Evaluations one `openbell watch` makes for the RSS row; 0 skips the watch rows (`--watch-evaluations`, `OPENBELL_BENCH_WATCH_EVALUATIONS`). @default 1000 */
  watchEvaluations?: number
}

/** {@link BenchOptions} after defaults. */
export type ResolvedBenchOptions = Required<BenchOptions>

/** The defaults of {@link BenchOptions}. */
export const BENCH_DEFAULTS: Readonly<ResolvedBenchOptions> = Object.freeze({
  cold: 5,
  warm: 10,
  large: 5,
  largeTrades: 100_000,
  cli: 5,
  sampleMs: 50,
  out: 'reports/bench',
  watchEvaluations: 1_000,
})

const COUNTS = { cold: 'OPENBELL_BENCH_COLD', warm: 'OPENBELL_BENCH_WARM', large: 'OPENBELL_BENCH_LARGE', 'large-trades': 'OPENBELL_BENCH_LARGE_TRADES', cli: 'OPENBELL_BENCH_CLI', 'sample-ms': 'OPENBELL_BENCH_SAMPLE_MS', 'watch-evaluations': 'OPENBELL_BENCH_WATCH_EVALUATIONS' } as const

/**
 * Parses `npm run bench -- [--cold N] [--warm N] [--large N] [--large-trades N] [--cli N] [--sample-ms N] [--watch-evaluations N] [--out DIR]`; a flag
 * wins over its environment variable.
 * @throws UsageError naming the flag and the value seen.
 */
export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ResolvedBenchOptions {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: Object.fromEntries([...Object.keys(COUNTS), 'out'].map((name) => [name, { type: 'string' }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>
  } catch (error) {
    throw new UsageError(`bench: ${(error as Error).message}. Flags: --cold N, --warm N, --large N, --large-trades N, --cli N, --sample-ms N, --watch-evaluations N, --out DIR.`)
  }
  const count = (flag: keyof typeof COUNTS, fallback: number, minimum = 0): number => {
    const raw = values[flag] ?? env[COUNTS[flag]]
    if (raw === undefined || raw === '') return fallback
    if (!/^\d+$/.test(raw) || Number(raw) < minimum) {
      throw new UsageError(`bench: --${flag} (${COUNTS[flag]}) "${raw}" is not a whole number ≥ ${minimum}; pass e.g. --${flag} ${fallback}.`)
    }
    return Number(raw)
  }
  return {
    cold: count('cold', BENCH_DEFAULTS.cold),
    warm: count('warm', BENCH_DEFAULTS.warm),
    large: count('large', BENCH_DEFAULTS.large),
    largeTrades: count('large-trades', BENCH_DEFAULTS.largeTrades),
    cli: count('cli', BENCH_DEFAULTS.cli),
    sampleMs: count('sample-ms', BENCH_DEFAULTS.sampleMs, 10),
    out: values.out ?? env.OPENBELL_BENCH_OUT ?? BENCH_DEFAULTS.out,
    watchEvaluations: count('watch-evaluations', BENCH_DEFAULTS.watchEvaluations),
  }
}
