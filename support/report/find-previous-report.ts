import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ReadinessReport } from './readiness-report.ts'

/**
 * The report of the run before this one in the same reports folder: the newest run folder whose runId sorts
 * before `runId` and ends with the same environment (an emulator run is never compared with a cluster run).
 * `null` when there is none or it cannot be read; the comparison is then left out.
 */
export function findPreviousReport(reportsDir: string, runId: string): ReadinessReport | null {
  const env = runId.slice(runId.lastIndexOf('-'))
  let names: string[]
  try {
    names = readdirSync(reportsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name < runId && entry.name.endsWith(env))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return null
  }
  for (const name of names.reverse()) {
    const file = path.join(reportsDir, name, 'readiness_report.json')
    if (!existsSync(file)) continue
    try {
      const report = JSON.parse(readFileSync(file, 'utf8')) as ReadinessReport
      if (report?.tool === 'openbell' && Array.isArray(report.gates)) return report
    } catch {}
  }
  return null
}
