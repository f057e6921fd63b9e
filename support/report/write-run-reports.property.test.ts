import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { GATE_IDS } from '../gates/index.ts'
import type { CheckReport, GateReport, ReadinessReport } from '../verdict/index.ts'
import { redactValue } from '../secrets/index.ts'
import { listFiles, MANIFEST_FILE } from './write-manifest.ts'
import { writeRunReports } from './write-run-reports.ts'

/**
 * Random report models through the real writer (issue 7): the JSON round-trips, the Markdown opens with the verdict
 * and has one row per gate, the manifest verifies, and a secret planted in any field (and in the environment, as
 * openbell's own secrets are) survives in no file, in no form a writer escapes it to.
 */
const SECRET_ENV = 'OPENBELL_PROPERTY_API_TOKEN'
afterEach(() => {
  delete process.env[SECRET_ENV]
})

/** Text biased towards what Markdown, JSON and XML escape, with any Unicode. */
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('|', '<', '>', '&', '"', "'", '\\', '\n', '\r', '\u2028', '`', '*', '#', ' ', 'a'), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
)
/** A secret: a fixed start no template text contains, then anything, at least 6 characters as openbell requires. */
const secret = fc
  .string({ unit: fc.constantFrom('a', 'Z', '9', '/', '+', '=', '|', '<', '&', '"', '\n', '-', '\\', ' '), minLength: 4, maxLength: 24 })
  .map((tail) => `Kq7${tail}`)

const check = (withSecret: (value: string) => string): fc.Arbitrary<CheckReport> =>
  fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/),
    title: text.map(withSecret),
    status: fc.constantFrom('pass', 'fail', 'unverified', 'optional-not-run' as const),
    reason: fc.option(text.map(withSecret), { nil: null }),
    durationMs: fc.nat(),
    evidence: fc.array(fc.stringMatching(/^evidence\/[a-z-]{1,10}\.json$/), { maxLength: 2 }),
    values: fc.dictionary(fc.constantFrom('value', 'apiKey', 'seen', 'password'), text.map(withSecret), { maxKeys: 2 }),
  })

const report = (withSecret: (value: string) => string): fc.Arbitrary<ReadinessReport> =>
  fc
    .record({
      verdict: fc.constantFrom('GO', 'NO-GO' as const),
      gates: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...GATE_IDS),
          title: text.map(withSecret),
          runbookRef: text,
          status: fc.constantFrom('pass', 'fail', 'unverified' as const),
          reason: fc.option(text.map(withSecret), { nil: null }),
          durationMs: fc.nat(),
          checks: fc.array(check(withSecret), { maxLength: 3 }),
        }),
        { selector: (gate) => gate.id, maxLength: 7 },
      ),
      problems: fc.array(fc.record({ severity: fc.constantFrom('fail', 'unverified' as const), message: text.map(withSecret) }), { maxLength: 3 }),
      authorization: fc.option(text.map(withSecret), { nil: null }),
      notes: fc.array(text.map(withSecret), { maxLength: 2 }),
      tenantId: fc.option(text, { nil: null }),
    })
    .map(({ verdict, gates, problems, authorization, notes, tenantId }) => ({
      schemaVersion: 1,
      tool: 'openbell',
      verdict,
      verdictText: verdict,
      exitCode: verdict === 'GO' ? 0 : 1,
      env: 'emulators',
      runId: '20261125T143000.123Z-emulators',
      startedAt: '2026-11-25T14:30:00.123Z',
      finishedAt: '2026-11-25T14:31:00.456Z',
      target: {
        namespace: 'trading-floor',
        kubeContext: 'openbell-emulator',
        kubeServer: 'http://127.0.0.1:1',
        kubeServerVersion: 'v1.32.4',
        firestoreProject: 'demo-openbell',
        firestoreEmulator: { host: '127.0.0.1:2', backend: 'gcloud' },
        tenantId,
        session: '2026-11-25',
      },
      authorization,
      filtered: false,
      emulators: { scenario: null, startupMs: { ops: 1 }, notes },
      problems,
      waiversFile: null,
      waivers: [],
      preflight: null,
      gates: gates as GateReport[],
      counts: { passed: 0, failed: 0, skipped: 0, waived: 0 },
    }))

/** Plants the secret into about a third of the fields it is offered. */
const planted = fc.tuple(secret, fc.infiniteStream(fc.nat({ max: 2 }))).chain(([value, coins]) => {
  const iterator = coins[Symbol.iterator]()
  return report((field) => (iterator.next().value === 0 ? `${field}${value}${field}` : field)).map((model) => ({ secret: value, model }))
})

/** The forms the writers could turn a value into: as is, and escaped for JSON, XML and Markdown. */
function formsOf(value: string): string[] {
  const markdownLine = value.replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
  return [
    value,
    JSON.stringify(value).slice(1, -1),
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    markdownLine,
    markdownLine.replace(/\|/g, '\\|'),
  ]
}

describe('writeRunReports on random report models', () => {
  it('round-trips the JSON, puts the verdict first, seals every file, and lets no planted secret survive', () => {
    fc.assert(
      fc.property(planted, ({ secret: value, model }) => {
        process.env[SECRET_ENV] = value
        const parent = mkdtempSync(path.join(os.tmpdir(), 'openbell-report-property-'))
        try {
          const runDir = path.join(parent, model.runId)
          writeRunReports(model, runDir, {})
          const json = JSON.parse(readFileSync(path.join(runDir, 'readiness_report.json'), 'utf8')) as unknown
          expect(json).toEqual(JSON.parse(JSON.stringify(redactValue(model))))

          const markdown = readFileSync(path.join(runDir, 'readiness_report.md'), 'utf8')
          expect(markdown.split('\n')[0]).toBe(`# openbell readiness: **${model.verdictText}**`)
          for (const gate of model.gates) {
            expect(markdown.split('\n').filter((line) => line.startsWith(`| \`${gate.id}\``)), `the table row of ${gate.id}`).toHaveLength(1)
          }

          const manifest = readFileSync(path.join(runDir, MANIFEST_FILE), 'utf8').trimEnd().split('\n')
          const files = listFiles(runDir).filter((file) => file !== MANIFEST_FILE)
          expect(manifest).toEqual(files.map((file) => `${createHash('sha256').update(readFileSync(path.join(runDir, file))).digest('hex')}  ${file}`))

          for (const file of listFiles(runDir)) {
            const content = readFileSync(path.join(runDir, file), 'utf8')
            for (const form of formsOf(value)) expect(content.includes(form), `${file} holds the secret as ${JSON.stringify(form)}`).toBe(false)
          }
        } finally {
          rmSync(parent, { recursive: true, force: true })
        }
      }),
      { numRuns: 150 },
    )
    // @note 150 run folders written, read back and hashed: over 20 s on 2 cores at load 10 and over 60 s at load 30,
    // so it keeps the integration tests' 120 s.
  }, 120_000)
})
