import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkManifest } from '../../support/report/verify/check-manifest.ts'
import { runOpenbell } from '../scenarios/run-openbell.ts'

/**
 * Issue 16, end to end: two real openbell runs into one reports folder (as the CronJob's volume keeps them). The
 * second run's Markdown and HTML name what changed since the first, and its history strip shows the first.
 */
describe('two real runs into one reports folder', () => {
  it('the second run (kill switch off) names the change from the first (healthy floor)', async () => {
    const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'openbell-two-real-runs-'))
    const first = await runOpenbell(['run'], { reportsDir, timeoutMs: 200_000 })
    expect(first.exitCode, first.stderr).toBe(0)
    const firstRunId = first.report?.runId
    const second = await runOpenbell(['run', '--scenario', 'kill-switch-off'], { reportsDir, timeoutMs: 200_000 })
    expect(second.exitCode, second.stderr).toBe(1)
    expect(second.report?.runId).not.toBe(firstRunId)

    const runDir = second.runDir ?? ''
    const markdown = readFileSync(path.join(runDir, 'readiness_report.md'), 'utf8')
    const html = readFileSync(path.join(runDir, 'report.html'), 'utf8')
    expect(markdown).toContain(`## Since the previous run (\`${firstRunId}\`)`)
    expect(markdown).toContain('- gate `kill-switch`: pass → fail')
    expect(html).toContain(`Since the previous run (<code>${firstRunId}</code>)`)
    expect(html).toContain('gate <code>kill-switch</code>: pass → fail')
    expect(html).toContain(`title="${firstRunId}: pass"`)
    expect(checkManifest(runDir).discrepancies).toEqual([])
  }, 420_000)
})
