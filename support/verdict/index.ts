/**
 * From observed checks to a verdict: classification, gate status, waivers, next steps, the readiness report's shape.
 *
 * The public surface of support/verdict/: code outside this folder imports from here only
 * (tests/architecture/support-boundaries.test.ts).
 */
export { checkScenarioGates } from './check-scenario-gates.ts'
export { type ObservedCheck, classifyCheck } from './classify-check.ts'
export { slugify } from './collect-gates.ts'
export { type RunProblem, computeGateStatus, computeVerdict } from './compute-verdict.ts'
export { countChecks, decideRun } from './decide-run.ts'
export { type NextStep, attachNextSteps } from './gate-next-steps.ts'
export { type LoadedWaivers, loadWaivers } from './load-waivers.ts'
export {
  type CheckReport,
  type GateReport,
  type ReadinessReport,
  type RunTarget,
  type WatchReportSection,
} from './readiness-report.ts'
export { type ObservedRun, VerdictReporter, observeTestCase } from './verdict-reporter.ts'
