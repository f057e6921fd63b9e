import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compareRuns } from './compare-runs.ts'
import { findPreviousReports } from './find-previous-report.ts'
import { readEvidenceTexts } from './html/read-evidence-texts.ts'
import { renderHtml } from './html/render-html.ts'
import type { ReadinessReport } from '../verdict/index.ts'
import { redactText, redactValue } from '../secrets/index.ts'
import { renderJunit } from './render-junit.ts'
import { renderMarkdown } from './render-markdown.ts'
import { scrubRunFolder } from './scrub-run-folder.ts'
import { writeManifest } from './write-manifest.ts'

/** Where the report files of a run went. */
export interface WrittenReports {
  json: string
  markdown: string
  html: string
  junit: string
  manifest: string
}

/** Options of {@link writeRunReports}. */
export interface WriteRunReportsOptions {
  /** The folder of earlier run folders for the history and the comparison. @default the run folder's parent */
  historyDir?: string | null
}

/**
 * Writes `readiness_report.json`, `.md`, `report.html` and `junit.xml` (secrets redacted, owner-only; the Markdown
 * and HTML say what changed since the previous run of the same environment, the HTML shows each gate over the
 * earlier runs of the reports folder or `historyDir`), scrubs every file of the run, then writes the manifest over
 * the whole run folder, points `<reports>/latest` at the run, and appends the Markdown to `$GITHUB_STEP_SUMMARY`
 * when set. The evidence is already in the folder by then.
 */
export function writeRunReports(
  report: ReadinessReport,
  runDir: string,
  env: NodeJS.ProcessEnv = process.env,
  options: WriteRunReportsOptions = {},
): WrittenReports {
  mkdirSync(runDir, { recursive: true, mode: 0o700 })
  const json = path.join(runDir, 'readiness_report.json')
  const markdown = path.join(runDir, 'readiness_report.md')
  const html = path.join(runDir, 'report.html')
  const junit = path.join(runDir, 'junit.xml')
  const previousRuns = findPreviousReports(options.historyDir ?? path.dirname(runDir), path.basename(runDir))
  // @note redact the model before rendering: the renderer escapes text (`<` → `&lt;`, newlines → blanks), and an
  // escaped secret no longer matches the value the text scrub looks for.
  const redacted = redactValue(report) as ReadinessReport
  const previous = previousRuns.reports[0]
  const comparison = previous ? compareRuns(previous, redacted) : null
  const markdownText = redactText(renderMarkdown(redacted, { comparison }))
  writeFileSync(json, `${JSON.stringify(redacted, null, 2)}\n`, { mode: 0o600 })
  writeFileSync(markdown, markdownText, { mode: 0o600 })
  writeFileSync(junit, redactText(renderJunit(redacted)), { mode: 0o600 })
  const evidence = readEvidenceTexts(runDir, redacted)
  writeFileSync(html, redactText(renderHtml(redacted, { evidence, previous: previousRuns, comparison })), { mode: 0o600 })
  scrubRunFolder(runDir)
  const manifest = writeManifest(runDir)
  pointLatestAt(runDir)
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdownText}\n`)
  return { json, markdown, html, junit, manifest }
}

function pointLatestAt(runDir: string): void {
  const latest = path.join(path.dirname(runDir), 'latest')
  rmSync(latest, { force: true, recursive: false })
  symlinkSync(path.basename(runDir), latest)
}
