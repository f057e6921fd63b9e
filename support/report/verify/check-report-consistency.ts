import { z } from 'zod'
import { UNWAIVABLE_GATES } from '../../gates/index.ts'
import { computeGateStatus, computeVerdict, countChecks } from '../../verdict/index.ts'
import type { GateReport } from '../../verdict/index.ts'
import { JUNIT_RUN_SUITE } from '../render-junit.ts'
import { parseJunit } from './parse-junit.ts'

const checkSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'unverified', 'optional-not-run', 'waived']),
  reason: z.string().nullable(),
  waived: z.looseObject({ from: z.enum(['fail', 'unverified']), ticket: z.string() }).optional(),
})
const gateSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['pass', 'fail', 'unverified', 'waived']),
  reason: z.string().nullable(),
  checks: z.array(checkSchema),
})
/** The fields of `readiness_report.json` that the consistency rules read. */
const reportSchema = z.looseObject({
  tool: z.literal('openbell'),
  verdict: z.enum(['GO', 'NO-GO']),
  verdictText: z.enum(['GO', 'GO with waivers', 'NO-GO']).optional(),
  exitCode: z.number(),
  filtered: z.boolean(),
  problems: z.array(z.looseObject({ severity: z.enum(['fail', 'unverified']), message: z.string() })),
  waivers: z.array(z.looseObject({ check: z.string(), applied: z.boolean() })).optional(),
  gates: z.array(gateSchema),
  counts: z.looseObject({ passed: z.number(), failed: z.number(), skipped: z.number(), waived: z.number().optional() }),
})

const SEVERITY = { pass: 0, waived: 1, unverified: 2, fail: 3 } as const

/**
 * Re-derives a readiness report from itself with the verdict rules, and compares it with the JUnit file: every
 * gate status follows from its checks (or is at least as bad, with a gate reason), counts add up, the verdict,
 * its text and the exit code follow from the gates and problems, waived checks are covered by an applied waiver
 * of a waivable gate, and the JUnit cases (named `gate/check`) match the checks one for one with the outcome their status gives. Returns one sentence per discrepancy.
 */
export function checkReportConsistency(reportJson: unknown, junitXml: string | null): string[] {
  const parsed = reportSchema.safeParse(reportJson)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return [`readiness_report.json does not have the shape of an openbell report: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim()]
  }
  const report = parsed.data
  const gates = report.gates as unknown as GateReport[]
  const found: string[] = []

  for (const gate of report.gates) {
    const fromChecks = computeGateStatus(gate.checks)
    if (gate.reason === null && gate.status !== fromChecks) {
      found.push(`gate ${gate.id} is "${gate.status}", but its checks make it "${fromChecks}"`)
    } else if (gate.reason !== null && (SEVERITY[gate.status] < Math.max(SEVERITY[fromChecks], SEVERITY.unverified))) {
      found.push(`gate ${gate.id} is "${gate.status}" with a gate reason, but that can only make it worse than "${fromChecks}"`)
    }
    for (const check of gate.checks) {
      const key = `${gate.id}/${check.id}`
      if (check.status === 'waived') {
        if ((UNWAIVABLE_GATES as readonly string[]).includes(gate.id)) found.push(`${key} is waived, but checks of ${gate.id} can never be waived`)
        if (!check.waived) found.push(`${key} is waived without saying what it was (waived.from)`)
        if (!(report.waivers ?? []).some((waiver) => waiver.check === key && waiver.applied)) found.push(`${key} is waived, but no applied waiver names it`)
      } else if (check.waived) {
        found.push(`${key} carries a waiver but its status is "${check.status}"`)
      }
    }
  }

  const counts = countChecks(gates)
  const recorded = { ...report.counts, waived: report.counts.waived ?? 0 }
  for (const key of ['passed', 'failed', 'skipped', 'waived'] as const) {
    if (recorded[key] !== counts[key]) found.push(`counts.${key} is ${recorded[key]}, but the checks give ${counts[key]}`)
  }

  const decision = computeVerdict(report.gates, report.problems)
  if (report.verdict !== decision.verdict) found.push(`the verdict is ${report.verdict}, but the gates and problems give ${decision.verdict}`)
  if (report.verdictText !== undefined && report.verdictText !== decision.verdictText) {
    found.push(`verdictText is "${report.verdictText}", but the gates and problems give "${decision.verdictText}"`)
  }
  if (report.exitCode !== decision.exitCode) found.push(`exitCode is ${report.exitCode}, but the verdict rules give ${decision.exitCode}`)
  if (report.filtered && !report.problems.some((problem) => /filtered/.test(problem.message))) {
    found.push('the run is marked filtered, but no problem says so (a filtered run is never GO)')
  }

  found.push(...compareWithJunit(report.gates, report.problems, junitXml))
  return found
}

function compareWithJunit(
  gates: readonly z.infer<typeof gateSchema>[],
  problems: readonly { message: string }[],
  junitXml: string | null,
): string[] {
  const checkCount = gates.reduce((sum, gate) => sum + gate.checks.length, 0)
  if (junitXml === null) return checkCount > 0 ? [`junit.xml is missing, but the report has ${checkCount} checks`] : []
  let junit
  try {
    junit = parseJunit(junitXml)
  } catch (error) {
    return [`junit.xml cannot be read: ${error instanceof Error ? error.message : String(error)}`]
  }
  const found: string[] = []
  const failures = junit.cases.filter((entry) => entry.outcome === 'failure').length
  const errors = junit.cases.filter((entry) => entry.outcome === 'error').length
  if (junit.totals.tests !== junit.cases.length) found.push(`junit.xml says tests="${junit.totals.tests}" but holds ${junit.cases.length} test cases`)
  if (junit.totals.failures !== failures) found.push(`junit.xml says failures="${junit.totals.failures}" but holds ${failures} failed test cases`)
  if (junit.totals.errors !== errors) found.push(`junit.xml says errors="${junit.totals.errors}" but holds ${errors} test cases in error`)
  const runCases = junit.cases.filter((entry) => entry.classname === JUNIT_RUN_SUITE)
  if (runCases.length !== problems.length) found.push(`junit.xml has ${runCases.length} cases of run problems, but the report has ${problems.length} problems`)
  const byName = new Map(junit.cases.map((entry) => [entry.name, entry]))
  for (const entry of junit.cases) {
    if (entry.classname === JUNIT_RUN_SUITE) continue
    const gate = gates.find((candidate) => candidate.id === entry.classname)
    if (!gate) {
      found.push(`junit.xml has a case of "${entry.classname}", which is not a gate of the report`)
    } else if (entry.name === gate.id && gate.reason === null) {
      found.push(`junit.xml has a gate-level case for ${gate.id}, but the gate has no gate reason`)
    } else if (entry.name !== gate.id && !gate.checks.some((check) => `${gate.id}/${check.id}` === entry.name)) {
      found.push(`junit.xml has the case ${entry.name}, which is no check of the report`)
    }
  }
  for (const gate of gates) {
    if (gate.reason !== null && !byName.has(gate.id)) found.push(`gate ${gate.id} has a gate reason, but junit.xml has no case for it`)
    for (const check of gate.checks) {
      const key = `${gate.id}/${check.id}`
      const entry = byName.get(key)
      if (!entry) {
        found.push(`${key} has no test case in junit.xml`)
        continue
      }
      if (entry.outcome !== JUNIT_OUTCOME[check.status]) found.push(`${key} is "${check.status}" in the report but "${entry.outcome}" in junit.xml`)
    }
  }
  return found
}

/** How each check status is written in `junit.xml` (support/report/render-junit.ts). */
const JUNIT_OUTCOME = { pass: 'passed', fail: 'failure', unverified: 'error', 'optional-not-run': 'skipped', waived: 'skipped' } as const
