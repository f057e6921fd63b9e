import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPreviousReport, findPreviousReports } from './find-previous-report.ts'

const reportsDir = () => mkdtempSync(path.join(os.tmpdir(), 'openbell-previous-'))
const writeRun = (dir: string, runId: string, body: unknown = { tool: 'openbell', runId, gates: [] }) => {
  mkdirSync(path.join(dir, runId))
  writeFileSync(path.join(dir, runId, 'readiness_report.json'), typeof body === 'string' ? body : JSON.stringify(body))
}

describe('findPreviousReport', () => {
  it('finds the newest earlier run of the same environment', () => {
    const dir = reportsDir()
    writeRun(dir, '20261123T120000.000Z-cluster')
    writeRun(dir, '20261124T120000.000Z-cluster')
    writeRun(dir, '20261124T130000.000Z-emulators')
    writeRun(dir, '20261126T120000.000Z-cluster')
    expect(findPreviousReport(dir, '20261125T120000.000Z-cluster')?.runId).toBe('20261124T120000.000Z-cluster')
    expect(findPreviousReport(dir, '20261125T120000.000Z-emulators')?.runId).toBe('20261124T130000.000Z-emulators')
  })

  it('skips runs whose report is missing or unreadable, and finds none before the first', () => {
    const dir = reportsDir()
    writeRun(dir, '20261123T120000.000Z-cluster')
    writeRun(dir, '20261124T120000.000Z-cluster', '{ not json')
    mkdirSync(path.join(dir, '20261124T130000.000Z-cluster'))
    expect(findPreviousReport(dir, '20261125T120000.000Z-cluster')?.runId).toBe('20261123T120000.000Z-cluster')
    expect(findPreviousReport(dir, '20261123T120000.000Z-cluster')).toBeNull()
    expect(findPreviousReport('/nonexistent', '20261123T120000.000Z-cluster')).toBeNull()
  })
})

describe('findPreviousReports', () => {
  it('reads at most the last 30 runs, newest first, also from folders named like CI artifacts', () => {
    const dir = reportsDir()
    for (let day = 1; day <= 35; day += 1) writeRun(dir, `202611${String(day).padStart(2, '0')}T120000.000Z-cluster`)
    const artifact = 'openbell-pre-open-20261201T120000.000Z-cluster'
    mkdirSync(path.join(dir, artifact))
    writeFileSync(path.join(dir, artifact, 'readiness_report.json'), JSON.stringify({ tool: 'openbell', runId: 'artifact', gates: [] }))
    const { reports, skipped } = findPreviousReports(dir, '20261202T120000.000Z-cluster')
    expect(reports).toHaveLength(30)
    expect(reports[0]?.runId).toBe('artifact')
    expect(reports.at(-1)?.runId).toBe('20261107T120000.000Z-cluster')
    expect(skipped).toEqual([])
  })

  it('skips and names a corrupt, foreign or empty earlier run, and carries on', () => {
    const dir = reportsDir()
    writeRun(dir, '20261120T120000.000Z-cluster')
    writeRun(dir, '20261121T120000.000Z-cluster', '{ not json')
    writeRun(dir, '20261122T120000.000Z-cluster', { tool: 'other' })
    mkdirSync(path.join(dir, '20261123T120000.000Z-cluster'))
    const { reports, skipped } = findPreviousReports(dir, '20261125T120000.000Z-cluster')
    expect(reports.map((report) => report.runId)).toEqual(['20261120T120000.000Z-cluster'])
    expect(skipped).toEqual([
      { name: '20261123T120000.000Z-cluster', reason: 'no readiness_report.json' },
      { name: '20261122T120000.000Z-cluster', reason: 'readiness_report.json is not an openbell report' },
      { name: '20261121T120000.000Z-cluster', reason: 'readiness_report.json is not valid JSON' },
    ])
  })
})
