import { closeSync, openSync, readSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ReadinessReport } from '../../verdict/index.ts'
import { redactText } from '../../secrets/index.ts'
import type { EvidenceText } from './render-html-evidence.ts'

/** Options of {@link readEvidenceTexts}. */
export const EVIDENCE_INLINE_LIMITS = Object.freeze({
  /** At most this many characters of one file are inlined; the rest stays in the file. @default 16384 */
  perFileChars: 16 * 1024,
  /** At most this many characters of evidence in one report.html. @default 1048576 */
  totalChars: 1024 * 1024,
})

/**
 * Reads the evidence files of the checks that did not pass (those the HTML report shows inline), bounded per file
 * and in total, with known secret values scrubbed. A file outside the run folder, missing or unreadable is left out.
 */
export function readEvidenceTexts(runDir: string, report: ReadinessReport, limits = EVIDENCE_INLINE_LIMITS): Map<string, EvidenceText> {
  const texts = new Map<string, EvidenceText>()
  let budget = limits.totalChars
  const files = report.gates.flatMap((gate) => gate.checks.filter((check) => check.status !== 'pass' && check.status !== 'optional-not-run').flatMap((check) => check.evidence))
  for (const file of new Set(files)) {
    const absolute = path.resolve(runDir, file)
    if (budget <= 0 || !absolute.startsWith(`${path.resolve(runDir)}${path.sep}`)) continue
    try {
      const size = statSync(absolute).size
      const want = Math.min(size, limits.perFileChars, budget)
      const buffer = Buffer.alloc(want)
      const fd = openSync(absolute, 'r')
      try {
        readSync(fd, buffer, 0, want, 0)
      } finally {
        closeSync(fd)
      }
      const text = redactText(buffer.toString('utf8'))
      budget -= text.length
      texts.set(file, { text, truncatedFrom: size > want ? size : null })
    } catch {
      // @note a missing or unreadable file is shown as "not in the run folder".
    }
  }
  return texts
}
