import type { ReadinessReport } from '../support/verdict/index.ts'

/** Where one run's time went, from its `readiness_report.json` (and, for a child process, when it was spawned). */
export interface RunBreakdown {
  verdict: string
  exitCode: number
  /** Milliseconds each stand-in took to start (`emulators.startupMs`), seeding included as `seed`; `{}` in cluster mode. */
  startupMs: Record<string, number>
  /** The floor's critical path: ops stand-ins and Firestore start in parallel, then the Kubernetes API stand-in. */
  emulatorsMs: number
  /** Seeding Firestore. */
  seedMs: number
  /** Each gate's duration. */
  gatesMs: Record<string, number>
  /** The gates' durations summed (vitest runs the spec files one after another on a 2-core machine). */
  gatesTotalMs: number
  /** `runRunbook` from its start to the verdict (`finishedAt − startedAt`). */
  runbookMs: number
  /**
   * The rest of `runRunbook`: vitest start-up (worker, TypeScript transform, imports), the permission preflight, the
   * verdict. In emulator mode vitest starts while the floor starts, so only the part of its start-up that outlasted
   * the floor is here.
   */
  vitestAndRestMs: number
  /** From spawning the process to `runRunbook`'s start: node, tsx and the CLI's imports; `null` in-process. */
  launchMs: number | null
  /** Each gate that did not pass, `<gate> <status>: <first reason>`, so a NO-GO in the table says why. */
  notPassing: string[]
}

/**
 * Reads a run's breakdown from its report.
 * @param spawnedAtMs `Date.now()` when the process was spawned, or `null` for a run in the bench process.
 */
export function readRunBreakdown(report: ReadinessReport, spawnedAtMs: number | null): RunBreakdown {
  const startupMs = { ...(report.emulators?.startupMs ?? {}) }
  const emulatorsMs = Math.max(startupMs.ops ?? 0, startupMs.firestore ?? 0) + (startupMs['kube-api'] ?? 0)
  const seedMs = startupMs.seed ?? 0
  const gatesMs = Object.fromEntries(report.gates.map((gate) => [gate.id, gate.durationMs]))
  const gatesTotalMs = report.gates.reduce((total, gate) => total + gate.durationMs, 0)
  const startedAt = Date.parse(report.startedAt)
  const runbookMs = Date.parse(report.finishedAt) - startedAt
  return {
    verdict: report.verdict,
    exitCode: report.exitCode,
    startupMs,
    emulatorsMs,
    seedMs,
    gatesMs,
    gatesTotalMs,
    runbookMs,
    vitestAndRestMs: runbookMs - emulatorsMs - seedMs - gatesTotalMs,
    launchMs: spawnedAtMs === null ? null : startedAt - spawnedAtMs,
    notPassing: report.gates
      .filter((gate) => gate.status !== 'pass')
      .map((gate) => {
        const reason = gate.reason ?? gate.checks.find((check) => check.status === gate.status)?.reason ?? ''
        return `${gate.id} ${gate.status}: ${reason.slice(0, 160)}`
      }),
  }
}
