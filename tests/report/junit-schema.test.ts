import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { renderJunit } from '../../support/report/render-junit.ts'
import { writeRunReports } from '../../support/report/write-run-reports.ts'
import { checkReportConsistency } from '../../support/report/verify/check-report-consistency.ts'
import { sampleReport } from './sample-report.ts'

/** Issue 16: junit.xml as CI tools read it, validated with xmllint (Debian libxml2-utils; `.ci/run` installs it). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const XSD = path.join(ROOT, 'fixtures/junit/junit.xsd')
const XMLLINT = '/usr/bin/xmllint'
if (!existsSync(XMLLINT)) console.warn('[openbell] junit-schema: xmllint is not installed (apt-get install libxml2-utils); the schema validation is skipped')

function writeRun(broken: boolean): { junit: string; file: string; json: unknown } {
  const reports = mkdtempSync(path.join(os.tmpdir(), 'openbell-junit-'))
  const runDir = path.join(reports, '20261202T133000.000Z-cluster')
  const written = writeRunReports(sampleReport('20261202T133000.000Z-cluster', runDir, broken), runDir, {})
  return { junit: readFileSync(written.junit, 'utf8'), file: written.junit, json: JSON.parse(readFileSync(written.json, 'utf8')) }
}

describe('junit.xml', () => {
  it.skipIf(!existsSync(XMLLINT)).each([['a GO run', false], ['a NO-GO run', true]])('of %s validates against the JUnit XML schema', (_, broken) => {
    const { file } = writeRun(broken)
    expect(execFileSync(XMLLINT, ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('')
  })

  it('shows an unverified check as an <error>, a failed one as a <failure>, each named by its gate/check id', () => {
    const { junit, json } = writeRun(true)
    expect(junit).toMatch(/<testcase classname="cluster-health" name="cluster-health\/first" time="0.012">\n\s*<error type="unverified" message="\[openbell\] could not reach the API server/)
    expect(junit).toMatch(/<testcase classname="kill-switch" name="kill-switch\/halted" time="0.012">\n\s*<failure type="fail" message="EXECUTION_HALTED in ConfigMap/)
    expect(junit).toContain('next step (market-open-runbook §5A): openbell halt --env=cluster')
    expect(junit).toContain('<testcase classname="session" name="session/first" time="0.012"/>')
    expect(junit).toMatch(/<testsuites name="openbell runbook" tests="14" failures="1" errors="3" /)
    expect(checkReportConsistency(json, junit)).toEqual([])
  })

  it('shows a check whose status it does not know (a status blanked by the scrubber on the way) as an <error>, never a skip', () => {
    const report = sampleReport('20261202T133000.000Z-cluster', '/tmp/run', false)
    const [gate] = report.gates
    const altered = { ...report, gates: [{ ...gate!, checks: gate!.checks.map((check, i) => (i === 0 ? { ...check, status: '[redacted]' as never, reason: 'x' } : check)) }, ...report.gates.slice(1)] }
    const junit = renderJunit(altered)
    expect(junit).toMatch(/<error type="unverified" message="unknown check status &quot;\[redacted\]&quot;: x"/)
    expect(junit).not.toContain('<skipped type="optional-not-run"')
    expect(junit).toMatch(/errors="1"/)
  })

  it('carries verdict, env, target and openbell version as properties of every suite', () => {
    const { junit } = writeRun(true)
    for (const property of ['name="verdict" value="NO-GO"', 'name="env" value="cluster"', 'name="target.namespace" value="trading-floor"', 'name="target.kubeServer" value="https://10.0.0.1:6443"', 'name="openbell.version" value="0.1.0"']) {
      expect(junit.split(property).length - 1).toBe(7)
    }
  })
})
