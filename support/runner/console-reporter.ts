import type { Reporter, TestCase } from 'vitest/node'
import { classifyCheck, type CheckMeta } from '../verdict/classify-check.ts'
import { gateIdOfSpec } from '../verdict/gate-manifest.ts'

const MARK = { pass: '✓', fail: '✗', unverified: '?', 'optional-not-run': '-' } as const

/** Prints one line per check as it ends: `✓ kill-switch  ConfigMap … exists`, with the reason when it did not pass. */
export function createConsoleReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Reporter {
  return {
    onTestCaseResult(test: TestCase) {
      const result = test.result()
      const { status, reason } = classifyCheck({
        title: test.name,
        state: result.state,
        mode: test.options.mode,
        errors: (result.errors ?? []).map((error) => ({ name: error.name, message: error.message })),
        note: result.state === 'skipped' ? result.note : undefined,
        meta: test.meta() as CheckMeta,
      })
      const gate = gateIdOfSpec(test.module.moduleId) ?? '?'
      write(`  ${MARK[status]} ${gate.padEnd(21)} ${test.name}${reason ? `\n      ${reason}` : ''}`)
    },
  }
}
