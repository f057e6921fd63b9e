import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeRunReports } from '../../support/report/write-run-reports.ts'
import { checkManifest } from '../../support/report/verify/check-manifest.ts'
import { sampleReport } from './sample-report.ts'

/** Issue 16: two runs written into one reports folder (as the CronJob's volume or CI's downloaded artifacts hold them). */
describe('two runs into one reports folder', () => {
  it("the second run's HTML and Markdown name the change, and show the first in the history", () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'openbell-two-runs-'))
    const first = '20261201T133000.000Z-cluster'
    const second = '20261202T133000.000Z-cluster'
    writeRunReports(sampleReport(first, path.join(reports, first), false), path.join(reports, first), {})
    const written = writeRunReports(sampleReport(second, path.join(reports, second), true), path.join(reports, second), {})
    const markdown = readFileSync(written.markdown, 'utf8')
    const html = readFileSync(written.html, 'utf8')
    expect(markdown).toContain(`## Since the previous run (\`${first}\`)`)
    expect(markdown).toContain('- gate `kill-switch`: pass → fail')
    expect(html).toContain(`Since the previous run (<code>${first}</code>)`)
    expect(html).toContain('gate <code>kill-switch</code>: pass → fail')
    expect(html).toContain(`title="${first}: pass"`)
    expect(checkManifest(path.join(reports, second)).discrepancies).toEqual([])
  })

  it('reads history from --history when given, and names an earlier run it could not read', () => {
    const history = mkdtempSync(path.join(os.tmpdir(), 'openbell-history-'))
    const reports = mkdtempSync(path.join(os.tmpdir(), 'openbell-reports-'))
    const artifact = path.join(history, 'openbell-pre-open-20261201T133000.000Z-cluster')
    writeRunReports(sampleReport('20261201T133000.000Z-cluster', artifact, false), artifact, {})
    const corrupt = path.join(history, 'openbell-pre-open-20261130T133000.000Z-cluster')
    writeRunReports(sampleReport('20261130T133000.000Z-cluster', corrupt, false), corrupt, {})
    writeFileSync(path.join(corrupt, 'readiness_report.json'), '{"tool": "openbell", "gates": [')
    const runDir = path.join(reports, '20261202T133000.000Z-cluster')
    const written = writeRunReports(sampleReport('20261202T133000.000Z-cluster', runDir, true), runDir, {}, { historyDir: history })
    const html = readFileSync(written.html, 'utf8')
    expect(html).toContain('gate <code>kill-switch</code>: pass → fail')
    expect(html).toContain('<li><code>openbell-pre-open-20261130T133000.000Z-cluster</code>: readiness_report.json is not valid JSON</li>')
  })
})
