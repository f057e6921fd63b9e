import type { KubePreflightReport } from '../kube/index.ts'
import type { ResolvedConfig } from '../config/index.ts'
import type { DeepReadonly } from '../deep-freeze.ts'
import type { RunCluster } from '../context/index.ts'
import type { CheckStatus, Environment, ExitCode, GateId, GateStatus, Verdict, VerdictText } from '../gates/index.ts'
import type { RunProblem } from './compute-verdict.ts'
import type { NextStep } from './gate-next-steps.ts'
import type { Waiver } from './waiver-schema.ts'

/** One check in the report. */
export interface CheckReport {
  id: string
  title: string
  status: CheckStatus
  /** Why it did not pass; `null` when it passed. */
  reason: string | null
  durationMs: number
  /** Evidence files, relative to the run folder. */
  evidence: string[]
  /** Structured values the check recorded (e.g. parsed metric values). */
  values?: Record<string, unknown>
  /** Present when a waiver covered the check (`status: 'waived'`): what the check really was, and the waiver. */
  waived?: { from: 'fail' | 'unverified'; ticket: string; owner: string; expires: string }
  /** On a check that did not pass: the runbook section and the first command an operator runs. */
  nextStep?: NextStep
}

/** A waiver of the run, as validated; `applied` says whether it covered a non-passing check of this run. */
export interface WaiverReport extends Waiver {
  applied: boolean
}

/** One gate in the report. */
export interface GateReport {
  id: GateId
  title: string
  runbookRef: string
  status: GateStatus
  /** Why the gate is not `pass` when no single check says it (no spec, spec failed to load). */
  reason: string | null
  durationMs: number
  checks: CheckReport[]
}

/**
 * What was evaluated: the run's settings (picked from the resolved config, as the run context holds them) and what
 * the runner found (the cluster's identity, the Firestore emulator); see `describeRunTarget`.
 */
export type RunTarget = Pick<ResolvedConfig, 'namespace' | 'firestoreProject' | 'tenantId' | 'session'> & {
  kubeContext: RunCluster['context']
  kubeServer: RunCluster['server']
  kubeServerVersion: RunCluster['version']
  /** The Firestore emulator in use, if any, and which backend ran it. */
  firestoreEmulator: { host: string; backend: string } | null
  /** The flag that let a session outside today … today + 7 days (New York dates) through, when one was needed. */
  sessionOverride?: ResolvedConfig['sessionOverride']
}

/** The emulator floor of an emulator-mode run. */
export interface EmulatorReport {
  scenario: string | null
  /** Milliseconds each stand-in took to start. */
  startupMs: Record<string, number>
  /** Notes on backend choices (e.g. why a Firestore strategy was not applicable). */
  notes: string[]
}

/** `readiness_report.json`: the audit artifact of one run. Its fields are API. */
export interface ReadinessReport {
  schemaVersion: 1
  tool: 'openbell'
  /** The openbell version that wrote the report (package.json). */
  openbellVersion?: string
  /** The git commit openbell was built from (`openbell --version`); `null` when unknown. */
  openbellCommit?: string | null
  verdict: Verdict
  /** The verdict as people read it: `GO with waivers` when the GO leaned on a waiver. */
  verdictText: VerdictText
  exitCode: ExitCode
  env: Environment
  runId: string
  startedAt: string
  finishedAt: string
  target: RunTarget
  authorization: string | null
  /** True when the run was limited to some gates or checks: such a run is never GO. */
  filtered: boolean
  emulators: EmulatorReport | null
  problems: RunProblem[]
  /** The waivers file read, if any. */
  waiversFile: string | null
  /** Every valid waiver of the run (invalid ones are problems). */
  waivers: WaiverReport[]
  /** What openbell asked the API server it may read before the checks ran; `null` when it did not ask. */
  preflight: DeepReadonly<KubePreflightReport> | null
  gates: GateReport[]
  /** Checks by status: `skipped` counts unverified and optional-not-run checks; `waived` counts waived ones. */
  counts: { passed: number; failed: number; skipped: number; waived: number }
  /** `openbell watch` only: how the guardian followed the cluster for this evaluation (support/watch). */
  watch?: WatchReportSection
}

/** What a watch's evaluation adds to its report: why it ran, and how each kind of object was followed. */
export interface WatchReportSection {
  /** What started this evaluation: `first`, `interval`, `kube:<kind>` (a watched object changed), `final`. */
  trigger: string
  intervalSeconds: number
  /** Per kind: `watch` (followed live), or `list every interval` with the reason the watch was refused or dropped. */
  follow: Record<string, string>
}
