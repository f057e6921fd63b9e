import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compareRuns } from './compare-runs.ts'
import { findPreviousReport } from './find-previous-report.ts'
import type { ReadinessReport } from './readiness-report.ts'
import { redactText, redactValue } from './redact.ts'
import { renderMarkdown } from './render-markdown.ts'
import { scrubRunFolder } from './scrub-run-folder.ts'
import { writeManifest } from './write-manifest.ts'

/** Where the report files of a run went. */
export interface WrittenReports {
  json: string
  markdown: string
  manifest: string
}

/**
 * Writes `readiness_report.json` and `.md` (secrets redacted, owner-only; the Markdown says what changed since the
 * previous run of the same environment in the same reports folder), then the manifest over the whole
 * run folder, points `<reports>/latest` at the run, and appends the Markdown to `$GITHUB_STEP_SUMMARY` when set.
 * The JUnit file and the evidence are already in the folder by then.
 */
export function writeRunReports(
  report: ReadinessReport,
  runDir: string,
  env: NodeJS.ProcessEnv = process.env,
): WrittenReports {
  mkdirSync(runDir, { recursive: true, mode: 0o700 })
  const json = path.join(runDir, 'readiness_report.json')
  const markdown = path.join(runDir, 'readiness_report.md')
  const previous = findPreviousReport(path.dirname(runDir), path.basename(runDir))
  // @note redact the model before rendering: the renderer escapes text (`<` → `&lt;`, newlines → blanks), and an
  // escaped secret no longer matches the value the text scrub looks for.
  const redacted = redactValue(report) as ReadinessReport
  const markdownText = redactText(renderMarkdown(redacted, { comparison: previous ? compareRuns(previous, redacted) : null }))
  writeFileSync(json, `${JSON.stringify(redacted, null, 2)}\n`, { mode: 0o600 })
  writeFileSync(markdown, markdownText, { mode: 0o600 })
  scrubRunFolder(runDir)
  const manifest = writeManifest(runDir)
  pointLatestAt(runDir)
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdownText}\n`)
  return { json, markdown, manifest }
}

function pointLatestAt(runDir: string): void {
  const latest = path.join(path.dirname(runDir), 'latest')
  rmSync(latest, { force: true, recursive: false })
  symlinkSync(path.basename(runDir), latest)
}
