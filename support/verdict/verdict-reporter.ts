import type { SerializedError } from 'vitest'
import type { Reporter, TestCase, TestModule, TestRunEndReason } from 'vitest/node'
import type { CheckMeta } from '../context/index.ts'
import type { ObservedCheck } from './classify-check.ts'
import type { ObservedModule } from './collect-gates.ts'
import { gateIdOfSpec } from '../gates/index.ts'

/** What the verdict reporter saw when the run ended. */
export interface ObservedRun {
  modules: ObservedModule[]
  /** Errors vitest could not tie to a check (they make the run unverified). */
  unhandledErrors: string[]
  /** `passed`, `failed` or `interrupted`, as vitest ended the run. */
  reason: TestRunEndReason
}

/**
 * The vitest reporter behind the verdict. It reads results through vitest's public read-only view
 * (`result()`, `meta()`, `diagnostic()`) and keeps a plain model; deciding and writing happen elsewhere.
 * @see support/verdict/collect-gates.ts
 */
export class VerdictReporter implements Reporter {
  #observed: ObservedRun | null = null

  /** The run as observed; `null` until vitest has ended the run. */
  get observed(): ObservedRun | null {
    return this.#observed
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    this.#observed = {
      modules: testModules.map(observeModule),
      unhandledErrors: unhandledErrors.map((error) => `${error.name ?? 'Error'}: ${error.message}`),
      reason,
    }
  }
}

function observeModule(module: TestModule): ObservedModule {
  return {
    gateId: gateIdOfSpec(module.moduleId) ?? module.moduleId,
    errors: module.errors().map((error) => ({ message: `${error.name ?? 'Error'}: ${error.message}` })),
    durationMs: module.diagnostic().duration,
    checks: [...module.children.allTests()].map((test) => ({ ...observeTestCase(test), durationMs: test.diagnostic()?.duration ?? 0 })),
  }
}

/** The plain view of one vitest test case that the verdict rules read. */
export function observeTestCase(test: TestCase): ObservedCheck {
  const result = test.result()
  return {
    title: test.name,
    state: result.state,
    mode: test.options.mode,
    errors: (result.errors ?? []).map((error) => ({ name: error.name, message: error.message })),
    note: result.state === 'skipped' ? result.note : undefined,
    meta: test.meta() as CheckMeta,
  }
}
