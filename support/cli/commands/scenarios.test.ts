import { describe, expect, it } from 'vitest'
import { UsageError } from '../../errors.ts'
import { EXIT_CODES } from '../../gates/index.ts'
import { scenariosCommand } from './scenarios.ts'

describe('openbell scenarios', () => {
  const io = () => {
    const out: string[] = []
    return { out, io: { stdout: (text: string) => void out.push(text), stderr: () => undefined, env: {} } }
  }

  it('lists each scenario with the gates it must turn NO-GO', () => {
    const { out, io: cli } = io()
    expect(scenariosCommand([{ name: 'kill-switch-off', description: 'Off.', expect: [{ gate: 'kill-switch', status: 'fail' }] }], cli)).toBe(EXIT_CODES.go)
    expect(out.join('')).toMatch(/^kill-switch-off\s+kill-switch=fail\s+Off\.\n$/)
  })

  it('refuses, listing nothing, a scenario that names a gate openbell does not have', () => {
    const { out, io: cli } = io()
    const scenarios = [
      { name: 'fine', description: 'Fine.', expect: [{ gate: 'metrics', status: 'fail' as const }] },
      { name: 'typo', description: 'Typo.', expect: [{ gate: 'kill-swtich', status: 'fail' as const }] },
    ]
    expect(() => scenariosCommand(scenarios, cli)).toThrow(UsageError)
    expect(out).toEqual([])
  })
})
