import { describe, expect, it } from 'vitest'
import { checkReportConsistency } from './check-report-consistency.ts'

type Json = Record<string, any>

const baseReport = (): Json => ({
  tool: 'openbell',
  verdict: 'NO-GO',
  verdictText: 'NO-GO',
  exitCode: 1,
  filtered: false,
  problems: [],
  waivers: [{ check: 'metrics/ops', applied: true }],
  gates: [
    {
      id: 'kill-switch', status: 'fail', reason: null,
      checks: [
        { id: 'present', title: 'ConfigMap exists', status: 'pass', reason: null },
        { id: 'halted', title: 'EXECUTION_HALTED holds "1"', status: 'fail', reason: "expected '0' to be '1'" },
      ],
    },
    {
      id: 'metrics', status: 'waived', reason: null,
      checks: [{ id: 'ops', title: '/ops/status answers 200', status: 'waived', reason: '503', waived: { from: 'fail', ticket: 'OPS-1' } }],
    },
  ],
  counts: { passed: 1, failed: 1, skipped: 0, waived: 1 },
})

const junitCase = (classname: string, name: string, child = '') =>
  `        <testcase classname="${classname}" name="${name}" time="0.1">\n${child}        </testcase>\n`
const FAILURE = '            <failure message="x" type="AssertionError">\n            </failure>\n'
const junit = (cases: string, tests = 3, failures = 2) =>
  `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="openbell runbook" tests="${tests}" failures="${failures}" errors="0" time="0.3">\n` +
  `    <testsuite name="specs/x.spec.ts" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0.3">\n${cases}    </testsuite>\n</testsuites>\n`
const JUNIT = junit(
  junitCase('kill-switch', 'Gate 4 &gt; ConfigMap exists') +
    junitCase('kill-switch', 'Gate 4 &gt; EXECUTION_HALTED holds &quot;1&quot;', FAILURE) +
    junitCase('metrics', 'Gate 5 &gt; /ops/status answers 200', FAILURE),
)

const edit = (change: (report: Json) => void): Json => {
  const report = baseReport()
  change(report)
  return report
}

describe('checkReportConsistency', () => {
  it('finds a report that agrees with itself and with junit.xml consistent', () => {
    expect(checkReportConsistency(baseReport(), JUNIT)).toEqual([])
  })

  it.each<[string, Json, string[]]>([
    ['an edited verdict', edit((r) => { r.verdict = 'GO'; r.verdictText = 'GO'; r.exitCode = 0 }), [
      'the verdict is GO, but the gates and problems give NO-GO',
      'verdictText is "GO", but the gates and problems give "NO-GO"',
      'exitCode is 0, but the verdict rules give 1',
    ]],
    ['an edited exit code', edit((r) => { r.exitCode = 3 }), ['exitCode is 3, but the verdict rules give 1']],
    ['an edited gate status', edit((r) => { r.gates[0].status = 'pass' }), [
      'gate kill-switch is "pass", but its checks make it "fail"',
      'the verdict is NO-GO, but the gates and problems give GO',
      'verdictText is "NO-GO", but the gates and problems give "GO with waivers"',
      'exitCode is 1, but the verdict rules give 0',
    ]],
    ['edited counts', edit((r) => { r.counts.failed = 0 }), ['counts.failed is 0, but the checks give 1']],
    ['a waiver nobody applied', edit((r) => { r.waivers = [] }), ['metrics/ops is waived, but no applied waiver names it']],
    ['a waived kill-switch check', edit((r) => {
      r.gates[0].checks[1] = { ...r.gates[0].checks[1], status: 'waived', waived: { from: 'fail', ticket: 'X' } }
      r.gates[0].status = 'waived'
      r.waivers.push({ check: 'kill-switch/halted', applied: true })
      r.verdict = 'GO'; r.verdictText = 'GO with waivers'; r.exitCode = 0; r.counts = { passed: 1, failed: 0, skipped: 0, waived: 2 }
    }), ['kill-switch/halted is waived, but checks of kill-switch can never be waived']],
    ['a gate reason that made things better', edit((r) => { r.gates[0].reason = 'the spec did not run cleanly'; r.gates[0].status = 'unverified' }), [
      'gate kill-switch is "unverified" with a gate reason, but that can only make it worse than "fail"',
      'exitCode is 1, but the verdict rules give 3',
    ]],
    ['a report of another tool', { tool: 'other' }, ['readiness_report.json does not have the shape of an openbell report: tool Invalid input: expected "openbell"']],
  ])('reports %s', (_, report, discrepancies) => {
    expect(checkReportConsistency(report, JUNIT)).toEqual(discrepancies)
  })

  it.each<[string, string | null, string[]]>([
    ['a missing junit.xml', null, ['junit.xml is missing, but the report has 3 checks']],
    ['a case that passed in junit but failed in the report', junit(
      junitCase('kill-switch', 'Gate 4 &gt; ConfigMap exists') + junitCase('kill-switch', 'Gate 4 &gt; EXECUTION_HALTED holds &quot;1&quot;') + junitCase('metrics', 'Gate 5 &gt; /ops/status answers 200', FAILURE),
      3, 1,
    ), ['kill-switch/halted is "fail" in the report but "passed" in junit.xml']],
    ['a missing case', junit(junitCase('kill-switch', 'Gate 4 &gt; ConfigMap exists') + junitCase('metrics', 'Gate 5 &gt; /ops/status answers 200', FAILURE), 2, 1), [
      'junit.xml has 2 check cases, but the report has 3 checks',
      'kill-switch/halted has no test case in junit.xml',
    ]],
    ['totals that do not add up', JUNIT.replace('tests="3" failures="2" errors="0" time="0.3">\n    <testsuite', 'tests="4" failures="2" errors="0" time="0.3">\n    <testsuite'), [
      'junit.xml says tests="4" but holds 3 test cases',
    ]],
    ['a case of an unknown gate', junit(
      junitCase('kill-switch', 'Gate 4 &gt; ConfigMap exists') + junitCase('kill-switch', 'Gate 4 &gt; EXECUTION_HALTED holds &quot;1&quot;', FAILURE) + junitCase('metrics', 'Gate 5 &gt; /ops/status answers 200', FAILURE) + junitCase('rogue', 'a'),
      4, 2,
    ), ['junit.xml has a case of "rogue", which is neither a gate of the report nor named by a problem']],
  ])('compares with junit.xml: %s', (_, xml, discrepancies) => {
    expect(checkReportConsistency(baseReport(), xml)).toEqual(discrepancies)
  })
})
