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
  child ? `    <testcase classname="${classname}" name="${name}" time="0.1">\n${child}    </testcase>\n` : `    <testcase classname="${classname}" name="${name}" time="0.1"/>\n`
const FAILURE = '      <failure type="fail" message="x">x</failure>\n'
const SKIPPED = '      <skipped type="waived" message="waived">x</skipped>\n'
const junit = (cases: string, tests = 3, failures = 1) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="openbell runbook" tests="${tests}" failures="${failures}" errors="0" time="0.3">\n` +
  `  <testsuite name="kill-switch" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0.3">\n${cases}  </testsuite>\n</testsuites>\n`
const JUNIT = junit(
  junitCase('kill-switch', 'kill-switch/present') +
    junitCase('kill-switch', 'kill-switch/halted', FAILURE) +
    junitCase('metrics', 'metrics/ops', SKIPPED),
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
    }), ['kill-switch/halted is waived, but checks of kill-switch can never be waived', 'kill-switch/halted is "waived" in the report but "failure" in junit.xml']],
    ['a gate reason that made things better', edit((r) => { r.gates[0].reason = 'the spec did not run cleanly'; r.gates[0].status = 'unverified' }), [
      'gate kill-switch is "unverified" with a gate reason, but that can only make it worse than "fail"',
      'exitCode is 1, but the verdict rules give 3',
      'gate kill-switch has a gate reason, but junit.xml has no case for it',
    ]],
    ['a report of another tool', { tool: 'other' }, ['readiness_report.json does not have the shape of an openbell report: tool Invalid input: expected "openbell"']],
  ])('reports %s', (_, report, discrepancies) => {
    expect(checkReportConsistency(report, JUNIT)).toEqual(discrepancies)
  })

  it.each<[string, string | null, string[]]>([
    ['a missing junit.xml', null, ['junit.xml is missing, but the report has 3 checks']],
    ['a case that passed in junit but failed in the report', junit(
      junitCase('kill-switch', 'kill-switch/present') + junitCase('kill-switch', 'kill-switch/halted') + junitCase('metrics', 'metrics/ops', SKIPPED),
      3, 0,
    ), ['kill-switch/halted is "fail" in the report but "passed" in junit.xml']],
    ['an unverified check written as a failure', junit(
      junitCase('kill-switch', 'kill-switch/present') + junitCase('kill-switch', 'kill-switch/halted', FAILURE) + junitCase('metrics', 'metrics/ops', FAILURE),
      3, 2,
    ), ['metrics/ops is "waived" in the report but "failure" in junit.xml']],
    ['a missing case', junit(junitCase('kill-switch', 'kill-switch/present') + junitCase('metrics', 'metrics/ops', SKIPPED), 2, 0), [
      'kill-switch/halted has no test case in junit.xml',
    ]],
    ['totals that do not add up', JUNIT.replace('tests="3" failures="1" errors="0" time="0.3">\n  <testsuite', 'tests="4" failures="1" errors="0" time="0.3">\n  <testsuite'), [
      'junit.xml says tests="4" but holds 3 test cases',
    ]],
    ['a case of an unknown gate', junit(
      junitCase('kill-switch', 'kill-switch/present') + junitCase('kill-switch', 'kill-switch/halted', FAILURE) + junitCase('metrics', 'metrics/ops', SKIPPED) + junitCase('rogue', 'rogue/a'),
      4, 1,
    ), ['junit.xml has a case of "rogue", which is not a gate of the report']],
  ])('compares with junit.xml: %s', (_, xml, discrepancies) => {
    expect(checkReportConsistency(baseReport(), xml)).toEqual(discrepancies)
  })
})
