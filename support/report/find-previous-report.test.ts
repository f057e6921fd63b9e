import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPreviousReport } from './find-previous-report.ts'

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
