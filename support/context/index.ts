/**
 * The contracts of one run between its processes: the run context and the meta of a check (runner and spec workers),
 * the floor handoff, the floor request (runner and the injected floor), the process's active runs (abort handlers).
 * Light and loaded on every side: nothing here may call vitest's test API at import or load the runner.
 *
 * The public surface of support/context/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { abortActiveRuns, registerActiveRun, settledExitCode } from './active-runs.ts'
export { specWorkerConfig, type SpecWorkerTarget } from './spec-worker-config.ts'
export { DEFAULT_CRITICAL_SERVICES, createRunContext, violationsFileOf } from './create-run-context.ts'
export { createRunContextChannel, receiveRunContext, receivedRunContext, type ErrandHandlers, type RunContextChannel } from './run-context-channel.ts'
export { type CheckMeta, type RunCluster, type RunContext, type RunFacts } from './run-context.ts'
