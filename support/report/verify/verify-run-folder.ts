import type { KeyObject } from 'node:crypto'
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { firstLineOf, UsageError } from '../../errors.ts'
import { checkManifestSignature } from '../manifest-signature.ts'
import { MANIFEST_FILE } from '../write-manifest.ts'
import { checkManifest } from './check-manifest.ts'
import { checkRunIdentity } from './check-run-identity.ts'
import { checkReportConsistency } from './check-report-consistency.ts'

/** What `openbell verify` found in a run folder. */
export interface FolderVerification {
  /** `true` only when there is no discrepancy at all. */
  intact: boolean
  /** One sentence per discrepancy, manifest first. */
  discrepancies: string[]
  /** Files listed in the manifest. */
  files: number
  /** A runbook run (`readiness_report.json`) or a `openbell halt` record. */
  kind: 'runbook' | 'halt'
  /** The verdict the report states, when it has one. */
  verdict: string | null
  /** What the signature check said when it found nothing wrong (signed but not checked, or verified). */
  signatureNote: string | null
}

/**
 * Verifies a run folder as an auditor would: the manifest (no file changed, missing or added) and, for a runbook
 * run, the report's internal consistency and its agreement with `junit.xml`; the folder's name against the run id
 * the files carry; and, with the operator's public key, the manifest's Ed25519 signature.
 * @throws {UsageError} when the folder does not exist.
 */
export function verifyRunFolder(runDir: string, options: { key?: KeyObject | null } = {}): FolderVerification {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new UsageError(`${runDir} is not a run folder; name one under the reports folder, e.g. \`openbell verify reports/latest\`.`)
  }
  const manifest = checkManifest(runDir)
  const reportPath = path.join(runDir, 'readiness_report.json')
  const halt = !existsSync(reportPath) && existsSync(path.join(runDir, 'halt_record.json'))
  const signature = checkManifestSignature(runDir, MANIFEST_FILE, options.key ?? null)
  const discrepancies = [...manifest.discrepancies, ...signature.discrepancies]
  // @note the real name: `reports/latest` is a link to the run folder.
  const folderName = path.basename(realpathSync(runDir))
  let verdict: string | null = null
  if (halt) {
    try {
      discrepancies.push(...checkRunIdentity(folderName, 'halt', JSON.parse(readFileSync(path.join(runDir, 'halt_record.json'), 'utf8'))))
    } catch (error) {
      discrepancies.push(`halt_record.json is not valid JSON: ${firstLineOf(error)}`)
    }
  } else if (!existsSync(reportPath)) {
    discrepancies.push('readiness_report.json is missing, so the verdict cannot be checked')
  } else {
    try {
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { verdictText?: string; verdict?: string }
      verdict = report?.verdictText ?? report?.verdict ?? null
      discrepancies.push(...checkRunIdentity(folderName, 'runbook', report))
      const junitPath = path.join(runDir, 'junit.xml')
      discrepancies.push(...checkReportConsistency(report, existsSync(junitPath) ? readFileSync(junitPath, 'utf8') : null))
    } catch (error) {
      discrepancies.push(`readiness_report.json is not valid JSON: ${firstLineOf(error)}`)
    }
  }
  return { intact: discrepancies.length === 0, discrepancies, files: manifest.files, kind: halt ? 'halt' : 'runbook', verdict, signatureNote: signature.note }
}
