import { describe, expect, it } from 'vitest'
import { parseJunit } from './parse-junit.ts'

const XML = `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="openbell runbook" tests="4" failures="1" errors="0" time="0.1">
    <testsuite name="specs/kill-switch.spec.ts" timestamp="2026-11-25T15:18:40.350Z" hostname="vm" tests="4" failures="1" errors="0" skipped="1" time="0.1">
        <testcase classname="kill-switch" name="Gate 4 &gt; EXECUTION_HALTED holds exactly &quot;1&quot;" time="0.09">
        </testcase>
        <testcase classname="kill-switch" name="Gate 4 &gt; fails" time="0.001">
            <failure message="expected &apos;0&apos; to be &apos;1&apos;" type="AssertionError">
AssertionError: expected '0' to be '1'
            </failure>
        </testcase>
        <testcase classname="kill-switch" name="Gate 4 &gt; skipped" time="0">
            <skipped/>
        </testcase>
        <testcase classname="kill-switch" name="Gate 4 &gt; tom &amp; jerry" time="0"/>
    </testsuite>
</testsuites>
`

describe('parseJunit', () => {
  it("reads vitest's totals and every case with its outcome, unescaping names", () => {
    expect(parseJunit(XML)).toEqual({
      totals: { tests: 4, failures: 1, errors: 0 },
      cases: [
        { classname: 'kill-switch', name: 'Gate 4 > EXECUTION_HALTED holds exactly "1"', suite: 'specs/kill-switch.spec.ts', outcome: 'passed' },
        { classname: 'kill-switch', name: 'Gate 4 > fails', suite: 'specs/kill-switch.spec.ts', outcome: 'failure' },
        { classname: 'kill-switch', name: 'Gate 4 > skipped', suite: 'specs/kill-switch.spec.ts', outcome: 'skipped' },
        { classname: 'kill-switch', name: 'Gate 4 > tom & jerry', suite: 'specs/kill-switch.spec.ts', outcome: 'passed' },
      ],
    })
  })

  it('throws without a <testsuites> element', () => {
    expect(() => parseJunit('<html/>')).toThrow('no <testsuites> element')
  })
})
