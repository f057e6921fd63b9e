import { describe, expect, it } from 'vitest'
import { DEFAULT_CRITICAL_SERVICES } from '../../support/context/create-run-context.ts'
import { GATE_REGISTRY, gateCheckIds } from '../../support/gates/gate-registry.ts'
import { runOpenbell } from '../scenarios/run-openbell.ts'

/**
 * Issue 15: check ids are API (waivers and reports use them), and the gate registry lists them. The checks each spec
 * actually declares, as vitest collects them for `openbell plan`, must be exactly the registry's, per-service ones
 * expanded over the critical services; a check added, renamed or dropped in a spec fails here until the registry agrees.
 */
describe('the gate registry and the specs declare the same checks', () => {
  it('for every gate, against the critical services of a run', async () => {
    const run = await runOpenbell(['plan'], { env: { APCA_API_KEY_ID: '', APCA_API_SECRET_KEY: '' } })
    expect(run.stderr).toBe('')
    const declared: Record<string, string[]> = {}
    let gate: string | null = null
    for (const line of run.stdout.split('\n')) {
      const header = /^ {2}(\S+) — /.exec(line)
      if (header) gate = header[1] as string
      const check = /^ {4}\S (\S+): /.exec(line)
      if (check && gate !== null) (declared[gate] ??= []).push(check[1] as string)
    }
    const registered = Object.fromEntries(GATE_REGISTRY.map((entry) => [entry.id, gateCheckIds(entry.id, DEFAULT_CRITICAL_SERVICES).sort()]))
    expect(Object.fromEntries(Object.entries(declared).map(([id, checks]) => [id, checks.sort()]))).toEqual(registered)
  })
})
