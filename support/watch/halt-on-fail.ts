import type { ReadinessReport } from '../verdict/index.ts'
import type { ExitCode } from '../gates/index.ts'
import { EXIT_CODES } from '../gates/index.ts'

/** The gates whose turn to `fail` halts execution under `--halt-on-fail` (the runbook's safety rules, §3 and §5A). */
export const HALTING_GATES = Object.freeze(['paper-execution', 'kill-switch'] as const)

/** `--halt-on-fail`: decides, once per transition, whether to halt. */
export interface HaltOnFail {
  /** Halts when a halting gate is `fail` now and was not in the previous evaluation. Never un-halts. */
  consider(report: ReadinessReport, previous: ReadinessReport | null): Promise<void>
}

/**
 * Wraps the halt act (`openbell halt`'s own path: merge patch, read-back, audit record) with the watch's rule: a
 * halting gate that turns `fail` halts once, with the gate and the failed check as the recorded reason; the same
 * gate failing again in the next evaluations does not halt again until it has passed in between.
 */
export function createHaltOnFail(act: (reason: string) => Promise<ExitCode>, say: (line: string) => void): HaltOnFail {
  return {
    async consider(report, previous) {
      for (const gateId of HALTING_GATES) {
        const gate = report.gates.find((candidate) => candidate.id === gateId)
        const before = previous?.gates.find((candidate) => candidate.id === gateId)?.status ?? null
        if (gate?.status !== 'fail' || before === 'fail') continue
        const check = gate.checks.find((candidate) => candidate.status === 'fail')
        const reason = `openbell watch --halt-on-fail: gate ${gateId} turned fail (was ${before ?? 'not evaluated'}); check ${check?.id ?? '?'}: ${check?.reason ?? 'failed'}; run ${report.runId}`
        const exitCode = await act(reason).catch(() => EXIT_CODES.unverified)
        say(exitCode === EXIT_CODES.go ? `halted on ${gateId} fail` : `halt on ${gateId} fail NOT CONFIRMED (exit ${exitCode}); halt by hand (runbook §5A)`)
        // @note one halt per evaluation is enough: both gates failing at once is one act, recorded with the first.
        return
      }
    },
  }
}
