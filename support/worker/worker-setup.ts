/**
 * The one setup file of every spec worker, in both modes, run before the gate specs:
 * - installs the live-host guard first, so no request to the live broker host leaves the process, and each attempt
 *   is recorded in the run's violations file (the runner turns it into a failed run);
 * - loads the library the specs stand on while the runner is still preparing the run, runs the runner's errands of
 *   that preparation (seeding the floor, reading the cluster's identity and the preflight: `prepare/`), then receives
 *   the whole run context (`run-context-channel.ts`);
 * - puts the handlers of the modules the context names (the emulator floor's Alpaca stand-in) behind that guard, and
 *   sets the environment it names (the stand-in's demo key pair);
 * - shares every credential it learns with the runner's thread, which writes the reports and the console;
 * - counts each check's assertions, so a check that asserted nothing is unverified rather than passed.
 */
import { afterEach, expect, inject } from 'vitest'
import { installNetworkGuard, type NetworkGuard } from '../guard/index.ts'
import { appendViolationTo, type LiveHostViolation } from '../network/index.ts'
import type { RunContext } from '../context/index.ts'
import { receiveRunContext } from '../context/index.ts'
import { PREPARATION_ERRANDS } from '../prepare/index.ts'
import { isSecretName, redactValue, registerSecret, shareSecretsWithRunner } from '../secrets/index.ts'
import { loadWorkerHandlers } from './load-worker-handlers.ts'

/** This spec worker's guard subscription and the runs it already set up (by violations file). */
const GUARDED = Symbol.for('openbell.runbook-worker-guard')
interface WorkerGuard {
  /** The run whose violations file refusals go to; `null` until the first context arrives. */
  run: RunContext | null
  /** Refusals made before any context arrived (while the libraries load), appended once it does. */
  early: LiveHostViolation[]
  prepared: Set<string>
  /** This worker's handle on the guard, which the stand-ins' handlers go behind. */
  network: NetworkGuard
  /** The handler modules already behind the guard: a worker's handlers go in once, whatever the number of runs. */
  handlerFiles: Set<string>
}

// @note vitest re-runs a setup file before each spec file of a worker (the runner sets `isolate: false`): the guard
// covers the whole worker (the thread's own `http`, `dns` and fetch), so its subscription is made once per worker, or
// one refusal would be recorded once per spec file.
const state = globalThis as { [GUARDED]?: WorkerGuard }
const guard = (state[GUARDED] ??= createWorkerGuard())

// @note the guard is up before the clients load (they may take references to `http.request`); only then the clients'
// domains, the slow part of the specs' surface (support/index.ts, the layer above this one, is not imported from here).
const [context] = await Promise.all([
  // @note an errand's answer is scrubbed with this worker's secrets (the kubeconfig it loaded registered its
  // credentials here, not in the runner's thread) before the runner reads it.
  receiveRunContext(inject('openbell').contextChannel, { errands: PREPARATION_ERRANDS, scrub: (answer) => redactValue(answer) }),
  import('../kube/index.ts'),
  import('../firestore/index.ts'),
  import('../data/index.ts'),
  import('../alpaca/index.ts'),
])
guard.run = context
for (const violation of guard.early.splice(0)) appendViolationTo(context.violationsFile)(violation)
if (!guard.prepared.has(context.violationsFile)) {
  guard.prepared.add(context.violationsFile)
  // @note the one place a worker's environment is written. The Alpaca SDK and the specs read the paper key pair from
  // `APCA_API_KEY_ID`/`APCA_API_SECRET_KEY`, as in an operator's run (where it is the process's own environment); the
  // emulator floor's demo pair reaches them the same way, so both modes share one code path. The secret registry
  // reads secret-named variables at each scrub, but only in this thread: each one is registered too, so it is shared
  // with the runner's scrubbing (which writes the reports and the console) like every secret this worker learns.
  Object.assign(process.env, context.workerSetup.env)
  for (const [name, value] of Object.entries(context.workerSetup.env)) if (isSecretName(name)) registerSecret(value)
  for (const setupFile of context.workerSetup.files) {
    if (guard.handlerFiles.has(setupFile)) continue
    guard.network.use(...(await loadWorkerHandlers(setupFile)))
    guard.handlerFiles.add(setupFile)
  }
}

afterEach(({ task }) => {
  task.meta.assertions = expect.getState().assertionCalls
})

function createWorkerGuard(): WorkerGuard {
  // @note once per worker, first: every credential this thread learns (the kubeconfig it loads, an exec plugin's
  // token) reaches the runner's scrubbing before any check's result that could quote it (`secrets/share-secrets.ts`).
  shareSecretsWithRunner()
  const early: LiveHostViolation[] = []
  const created: WorkerGuard = {
    run: null,
    early,
    prepared: new Set(),
    handlerFiles: new Set(),
    network: installNetworkGuard({
      onViolation: (violation) => (created.run ? appendViolationTo(created.run.violationsFile)(violation) : early.push(violation)),
    }),
  }
  return created
}
