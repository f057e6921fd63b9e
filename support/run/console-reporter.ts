import type { Reporter, TestCase } from 'vitest/node'
import { redactText, escapeControls } from '../secrets/index.ts'
import { UNWAIVABLE_GATES, gateIdOfSpec } from '../gates/index.ts'
import { classifyCheck, slugify, observeTestCase } from '../verdict/index.ts'
import { SILENT_PROGRESS, type Progress } from './progress.ts'

const MARK = { pass: '✓', fail: '✗', unverified: '?', 'optional-not-run': '-', waived: '~' } as const

/**
 * Prints one line per check as it ends: `✓ kill-switch  ConfigMap … exists`, with the reason when it did not pass.
 * A failed or unverified check that a waiver covers prints as `~ … (waived; was fail)`. Tells `progress` what the run
 * waits for meanwhile: the spec worker until the first check starts, then each check while it runs.
 */
export function createConsoleReporter(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  waivedChecks: readonly string[] = [],
  progress: Pick<Progress, 'wait'> = SILENT_PROGRESS,
): Reporter {
  let workerReady: (() => void) | null = null
  const checks = new Map<string, () => void>()
  return {
    onTestRunStart() {
      workerReady = progress.wait('the spec worker to load the gates')
    },
    onTestCaseReady(test: TestCase) {
      workerReady?.()
      // @note the check's own words name what it waits for, e.g. "metrics: marketdata-mcp-server /metrics answers 200".
      checks.set(test.id, progress.wait(`${gateIdOfSpec(test.module.moduleId) ?? '?'}: ${test.name}`))
    },
    onTestRunEnd() {
      workerReady?.()
      for (const done of checks.values()) done()
    },
    onTestCaseResult(test: TestCase) {
      checks.get(test.id)?.()
      checks.delete(test.id)
      const observed = observeTestCase(test)
      const { status, reason } = classifyCheck(observed)
      const gate = gateIdOfSpec(test.module.moduleId) ?? '?'
      // @note the id as collectGates derives it (without its duplicate suffix), so a waiver matches what the report shows.
      const key = `${gate}/${observed.meta.check ?? slugify(observed.title)}`
      const waived =
        (status === 'fail' || status === 'unverified') && waivedChecks.includes(key) && !(UNWAIVABLE_GATES as readonly string[]).includes(gate)
      const mark = waived ? MARK.waived : MARK[status]
      const why = reason ? `\n      ${waived ? `waived (was ${status}): ` : ''}${escapeControls(reason)}` : ''
      // @note a title or reason can quote a secret value (the canary test names one): the console is a report too;
      // and what a server said must not drive the terminal (escape sequences, bidi overrides).
      write(redactText(`  ${mark} ${gate.padEnd(21)} ${escapeControls(test.name)}${why}`))
    },
  }
}
