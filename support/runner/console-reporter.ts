import type { Reporter, TestCase } from 'vitest/node'
import { classifyCheck } from '../verdict/classify-check.ts'
import { observeTestCase } from '../verdict/verdict-reporter.ts'
import { gateIdOfSpec } from '../verdict/gate-manifest.ts'

const MARK = { pass: '✓', fail: '✗', unverified: '?', 'optional-not-run': '-' } as const

/** Prints one line per check as it ends: `✓ kill-switch  ConfigMap … exists`, with the reason when it did not pass. */
export function createConsoleReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Reporter {
  return {
    onTestCaseResult(test: TestCase) {
      const { status, reason } = classifyCheck(observeTestCase(test))
      const gate = gateIdOfSpec(test.module.moduleId) ?? '?'
      write(`  ${MARK[status]} ${gate.padEnd(21)} ${test.name}${reason ? `\n      ${reason}` : ''}`)
    },
  }
}
