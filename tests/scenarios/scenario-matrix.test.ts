import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenarios, type NamedScenario } from '../../emulators/index.ts'
import { KUBE_API_REQUEST_LOG } from '../../emulators/start-floor.ts'
import { EVIDENCE_MAX_BYTES } from '../../support/worker/cap-evidence.ts'
import { readViolationsFrom } from '../../support/network/index.ts'
import { GATE_IDS } from '../../support/gates/api.ts'
import { checkScenarioGates } from '../../support/verdict/check-scenario-gates.ts'
import { createCanaryEnv, findCanaries } from './canaries.ts'
import { MATRIX_CONCURRENCY } from './matrix-concurrency.ts'
import { runOpenbell, type OpenbellRun } from './run-openbell.ts'

/**
 * The fault matrix: the healthy floor is GO, and every scenario turns exactly its expected gates NO-GO (fail or
 * unverified, as listed in its scenario.yaml; see emulators/scenarios/CATALOG.md) while every other gate still
 * passes. Every run gets canary secrets in its environment, and none may appear in its reports or on its console;
 * no run may even attempt the live broker host, or ask the Kubernetes API for anything but reads.
 * @note the runs go at most `maxConcurrency` at once (vitest.config.ts); see docs/decisions/scenario-matrix-concurrency.md.
 */
const scenarios = loadScenarios()
// @note a scenario whose expectations name an unknown gate is refused before any run is trusted to meet them.
scenarios.forEach(checkScenarioGates)
/** One openbell run may take this long on a loaded 2-core machine; the test gets a little more. */
const RUN_TIMEOUT_MS = 240_000

let started = 0
let liveHostAttempts = 0
let runs = 0
beforeAll(() => {
  started = performance.now()
})
afterAll(() => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.info(
    `scenario matrix: ${scenarios.length} scenarios and the healthy floor, ${runs} runs of openbell in ${seconds} s ` +
      `(at most ${MATRIX_CONCURRENCY} at once, ${os.availableParallelism()} cores); requests to the live broker host: ${liveHostAttempts}`,
  )
})

/** Runs openbell with canary secrets planted, and checks what every run must hold whatever the scenario. */
async function runWithCanaries(args: string[]): Promise<OpenbellRun> {
  const run = await runOpenbell(args, { env: createCanaryEnv(), timeoutMs: RUN_TIMEOUT_MS - 10_000 })
  runs += 1
  expect(run.report, `no report was written; stderr: ${run.stderr}`).not.toBeNull()
  expect(findCanaries(run.reportsDir, { stdout: run.stdout, stderr: run.stderr }), 'canary secrets that reached a report or the console').toEqual([])
  const attempts = run.runDir ? readViolationsFrom(path.join(run.runDir, 'evidence', 'live-host-violations.ndjson')) : []
  liveHostAttempts += attempts.length
  expect(attempts.map((attempt) => `${attempt.method} ${attempt.url}`), 'requests to the live broker host').toEqual([])
  expect(writesToTheCluster(run), 'requests that could change the cluster').toEqual([])
  expect(requestsElsewhere(run), 'requests that followed a redirect away from the API server').toEqual([])
  expect(oversizedEvidence(run), `evidence files over ${EVIDENCE_MAX_BYTES} bytes`).toEqual([])
  return run
}

/** The request log's lines: what the Kubernetes API stand-in (and its redirect target, "elsewhere") answered. */
function readRequestLog(run: OpenbellRun): { method: string; path: string; server?: string; credentials?: boolean }[] {
  const log = run.runDir ? path.join(run.runDir, 'evidence', KUBE_API_REQUEST_LOG) : ''
  if (!log || !existsSync(log)) return []
  return readFileSync(log, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { method: string; path: string })
}

/** Requests that reached the server a redirect pointed at (`kubeApi.hostile.redirect`): openbell must never follow one. */
function requestsElsewhere(run: OpenbellRun): string[] {
  return readRequestLog(run)
    .filter((entry) => entry.server === 'elsewhere')
    .map((entry) => `${entry.method} ${entry.path}${entry.credentials ? ' (with the kube context\'s credentials)' : ''}`)
}

/** Evidence files larger than an evidence file may be (a huge or endless answer must not become a huge file). */
function oversizedEvidence(run: OpenbellRun): string[] {
  if (!run.runDir) return []
  const evidence = path.join(run.runDir, 'evidence')
  if (!existsSync(evidence)) return []
  return (readdirSync(evidence, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => statSync(file).size > EVIDENCE_MAX_BYTES)
    .map((file) => `${path.relative(run.runDir!, file)}: ${statSync(file).size} bytes`)
}

/** What the run asked the Kubernetes API stand-in besides reads (and the permission reviews, which change nothing). */
function writesToTheCluster(run: OpenbellRun): string[] {
  return readRequestLog(run)
    .filter((entry) => entry.server !== 'elsewhere')
    .filter(({ method, path: url }) => method !== 'GET' && !(method === 'POST' && url === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'))
    .map(({ method, path: url }) => `${method} ${url}`)
}

function nonPassing(run: OpenbellRun): string[] {
  return (run.report?.gates ?? [])
    .filter((gate) => gate.status !== 'pass')
    .map((gate) => `${gate.id}: ${gate.reason ?? gate.checks.find((check) => check.status !== 'pass')?.reason}`)
}

function argsOf(scenario: NamedScenario): string[] {
  // @note a scenario's session is a fixed date, so as the calendar moves it lies before today or beyond the week ahead.
  return ['run', `--scenario=${scenario.name}`, ...(scenario.session ? [`--session=${scenario.session}`, '--allow-past-session', '--allow-future-session'] : [])]
}

describe.concurrent('the fault matrix', () => {
  it('the healthy floor is GO with exit 0', { timeout: RUN_TIMEOUT_MS }, async () => {
    const run = await runWithCanaries(['run'])
    expect(nonPassing(run)).toEqual([])
    expect(run.report?.verdict).toBe('GO')
    expect(run.exitCode).toBe(0)
  })

  for (const scenario of scenarios) {
    const expected = scenario.expect.map((entry) => `${entry.gate} ${entry.status}`).join(', ')
    it(`scenario ${scenario.name} is NO-GO: ${expected}`, { timeout: RUN_TIMEOUT_MS }, async () => {
      const run = await runWithCanaries(argsOf(scenario))
      const report = run.report
      if (!report) return
      const statuses = Object.fromEntries(scenario.expect.map((entry) => [entry.gate, entry.status]))
      expect(Object.fromEntries(report.gates.map((gate) => [gate.id, gate.status]))).toEqual(
        Object.fromEntries(GATE_IDS.map((gate) => [gate, statuses[gate] ?? 'pass'])),
      )
      expect(report.verdict).toBe('NO-GO')
      expect(run.exitCode).toBe(scenario.expect.some((entry) => entry.status === 'fail') ? 1 : 3)
      if (scenario.reasonContains) {
        const reasons = report.gates.flatMap((gate) => [gate.reason ?? '', ...gate.checks.map((check) => check.reason ?? '')])
        expect(reasons.join('\n')).toContain(scenario.reasonContains)
      }
      for (const expectedCheck of scenario.checks ?? []) {
        const check = report.gates.find((gate) => gate.id === expectedCheck.gate)?.checks.find((candidate) => candidate.id === expectedCheck.check)
        expect(check?.status, `${expectedCheck.gate}/${expectedCheck.check}`).toBe(expectedCheck.status)
        if (expectedCheck.reasonContains) expect(check?.reason, `${expectedCheck.gate}/${expectedCheck.check}`).toContain(expectedCheck.reasonContains)
      }
    })
  }
})
