import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * Issue 15: every check of a gate spec reads observe → judge → expect. A rule answers one `Judgement` and the check
 * ends with `expectJudgement`, which asserts, marks unverified or skips as optional; no spec maps an answer by hand.
 * This reads the specs and fails on the hand mappings the helper replaced, naming the file and line.
 */
const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../specs')

/** What a spec must not contain, and why. */
const HAND_MAPPINGS: readonly [RegExp, string][] = [
  [/\bCouldNotCheckError\b/, 'a hand-made could-not-check (a rule answers `unverified`)'],
  [/\bthrow\b/, 'a throw (a rule answers `fail` or `unverified`)'],
  [/\bexpect\s*[.(]/, 'a direct assertion (`expectJudgement` asserts)'],
  [/import\s*\{[^}]*\bexpect\b[^}]*\}\s*from\s*'vitest'/, "vitest's expect imported (`expectJudgement` asserts)"],
  [/\bskipAsOptional\b|\bskip\b/, 'a skip at run time (a rule answers `optional`)'],
]

/** The hand mappings in a spec's text, as `line N: why: code`. */
function findHandMappings(text: string): string[] {
  const lines = text.split('\n')
  return lines.flatMap((line, index) =>
    HAND_MAPPINGS.filter(([pattern]) => pattern.test(line)).map(([, why]) => `line ${index + 1}: ${why}: ${line.trim()}`),
  )
}

/** How many checks a spec declares (`it(…)` and `it.skipIf(…)(…)`), and how many times it concludes with a judgement. */
function countChecks(text: string): { checks: number; concluded: number } {
  return {
    checks: [...text.matchAll(/\bit(?:\.skipIf\([^)]*\))?\(\s*(?:['"`]|\n\s*['"`])/g)].length,
    concluded: [...text.matchAll(/\bexpectJudgement\(/g)].length,
  }
}

describe('gate specs map no judgement by hand', () => {
  const specs = readdirSync(SPECS).filter((file) => file.endsWith('.spec.ts'))

  it('finds the seven gate specs', () => {
    expect(specs).toHaveLength(7)
  })

  it.each(specs)('specs/%s: no CouldNotCheckError, throw, expect, expect.fail or skip', (file) => {
    expect(findHandMappings(readFileSync(path.join(SPECS, file), 'utf8'))).toEqual([])
  })

  it.each(specs)('specs/%s: every check ends with expectJudgement', (file) => {
    const { checks, concluded } = countChecks(readFileSync(path.join(SPECS, file), 'utf8'))
    expect(checks).toBeGreaterThan(0)
    expect(concluded).toBe(checks)
  })

  it('catches the three-way branch the kill-switch spec had before issue 15', () => {
    const before = [
      "import { describe, expect } from 'vitest'",
      "        if (judgement.outcome === 'not-reported') skipAsOptional({ task, skip }, judgement.reason)",
      "        if (judgement.outcome === 'no-reference') throw new CouldNotCheckError(judgement.reason)",
      "        expect(judgement.outcome, judgement.reason).toBe('agrees')",
      "      if (!metrics.parsed) expect.fail(`${service.name} /metrics does not parse: ${metrics.reason}`)",
    ].join('\n')
    expect(findHandMappings(before).map((finding) => finding.split(':')[0])).toEqual(['line 1', 'line 2', 'line 3', 'line 3', 'line 4', 'line 5'])
  })
})
