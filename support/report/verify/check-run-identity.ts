import { createRunId } from '../create-run-id.ts'

/**
 * Checks that a run folder is the run it says it is: its name is the `runId` inside `readiness_report.json` (a halt
 * folder: `<runId>-halt`, the run id made from the record's `at`), and that run id is the one the recorded start
 * time and environment make. A GO folder copied under a NO-GO run's name fails here even with every hash intact.
 * Returns one sentence per discrepancy.
 */
export function checkRunIdentity(folderName: string, kind: 'runbook' | 'halt', document: unknown): string[] {
  const record = (document ?? {}) as { runId?: unknown; startedAt?: unknown; env?: unknown; at?: unknown }
  if (kind === 'halt') {
    const at = typeof record.at === 'string' ? new Date(record.at) : null
    if (at === null || Number.isNaN(at.getTime())) return ['halt_record.json has no valid "at" time, so the folder name cannot be checked']
    const expected = `${createRunId(at, 'cluster')}-halt`
    return folderName === expected ? [] : [`the folder is named ${folderName}, but halt_record.json was made at ${record.at}, which names it ${expected}`]
  }
  if (typeof record.runId !== 'string') return ['readiness_report.json has no runId, so the folder name cannot be checked']
  const found: string[] = []
  if (folderName !== record.runId) {
    found.push(`the folder is named ${folderName}, but readiness_report.json says runId ${record.runId} (a run folder copied or renamed under another run's name)`)
  }
  const startedAt = typeof record.startedAt === 'string' ? new Date(record.startedAt) : null
  if (startedAt === null || Number.isNaN(startedAt.getTime()) || (record.env !== 'emulators' && record.env !== 'cluster')) {
    found.push('readiness_report.json has no valid startedAt and env, so its runId cannot be checked')
  } else if (createRunId(startedAt, record.env) !== record.runId) {
    found.push(`readiness_report.json says runId ${record.runId}, but its startedAt ${record.startedAt} and env ${record.env} make ${createRunId(startedAt, record.env)}`)
  }
  return found
}
