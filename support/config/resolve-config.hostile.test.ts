import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { OPTIONS, type OptionName } from './options.ts'
import { parseCli } from './parse-cli.ts'
import { resolveConfig, type ResolvedConfig } from './resolve-config.ts'

/**
 * Hostile values for every flag (issue 7): each is either taken as a deliberate value or refused with one line that
 * names the flag; none crashes and none slips through as something else. More cases per flag sit in
 * resolve-config.test.ts.
 */
const STRING_FLAGS = (Object.entries(OPTIONS) as [OptionName, (typeof OPTIONS)[OptionName]][])
  .filter(([, spec]) => spec.type === 'string')
  .map(([name, spec]) => ({ name, command: 'commands' in spec ? spec.commands[0]! : 'run' }))

function resolveFlag(name: string, command: string, value: string, env: NodeJS.ProcessEnv = {}): ResolvedConfig {
  // @note `verify` needs its run folder, or every verify flag would be refused for the missing folder instead.
  return resolveConfig(parseCli([command, ...(command === 'verify' ? ['reports/latest'] : []), `--${name}=${value}`], env), { env, cwd: '/work', knownScenarios: ['crashloop'], fileExists: () => false })
}

/** What became of one value: accepted, or the refusal's message (which must name the flag, on one line). */
function outcome(name: string, command: string, value: string): 'accepted' | string {
  try {
    resolveFlag(name, command, value)
    return 'accepted'
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return error.message
  }
}

const HOSTILE = {
  empty: '',
  overlong: 'x'.repeat(5_000),
  'control character': 'a\u0000b',
  newline: 'alice\n# GO',
  'bidi override': 'abc\u202Egnp.exe',
  'path traversal': '../x',
}

describe.each(STRING_FLAGS)('--$name', ({ name, command }) => {
  it.each(Object.entries(HOSTILE))('refuses a value that is %s, in one line naming the flag', (_kind, value) => {
    const result = outcome(name, command, value)
    if (result === 'accepted') {
      // @note only values a flag can legitimately carry: a path (`--reports ../x`), a context or operator name.
      expect(['path traversal'], `--${name} accepted ${JSON.stringify(value.slice(0, 20))}`).toContain(_kind)
      return
    }
    expect(result.startsWith(`[openbell] --${name} `) || result.startsWith('[openbell] --waivers '), result).toBe(true)
    expect(result).not.toContain('\n')
    expect(result.length, 'an overlong value is shortened in the message').toBeLessThan(400)
  })

  it('never throws anything but a usage error, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        const result = outcome(name, command, value)
        expect(typeof result).toBe('string')
      }),
      { numRuns: 150 },
    )
  })
})

describe('values a flag may carry, taken as given', () => {
  it.each([
    ['tenant-id', 'run', 'trésorerie-東京'],
    ['kube-context', 'run', 'gke_agenttrader_us-east4_floor/admin'],
    ['reports', 'run', '../shared/reports'],
    ['operator', 'halt', 'Zoë Ångström'],
    ['test-name-pattern', 'run', 'halted|present'],
  ])('--%s for %s: %j', (name, command, value) => {
    expect(outcome(name, command, value)).toBe('accepted')
  })

  it('refuses a -t that is not a regular expression before anything starts', () => {
    expect(outcome('test-name-pattern', 'run', '(')).toBe('[openbell] --test-name-pattern "(" is not a valid regular expression.')
  })
})

describe('FIRESTORE_EMULATOR_HOST', () => {
  const withHost = (host: string, env = 'emulators') => () => resolveFlag('env', 'run', env, { FIRESTORE_EMULATOR_HOST: host })

  it.each([
    ['10.1.2.3:8080', 'emulators', '[openbell] FIRESTORE_EMULATOR_HOST="10.1.2.3:8080" is not on this machine; in emulator mode openbell only talks to emulators on 127.0.0.1, ::1 or localhost. Forward the port to 127.0.0.1, or unset the variable so openbell starts its own emulator.'],
    ['firestore.example.com:443', 'emulators', 'is not on this machine'],
    ['127.0.0.1.nip.io:8080', 'emulators', 'is not on this machine'],
    ['[2001:db8::1]:8080', 'emulators', 'is not on this machine'],
    ['127.0.0.1', 'emulators', '[openbell] FIRESTORE_EMULATOR_HOST="127.0.0.1" is not host:port (e.g. 127.0.0.1:8080); fix or unset it.'],
    ['http://127.0.0.1:8080', 'emulators', 'is not host:port'],
    ['127.0.0.1:99999', 'cluster', 'is not host:port'],
    ['../../etc:8080', 'cluster', 'is not host:port'],
  ])('%s in %s mode is a usage error, found before anything connects', (host, env, message) => {
    expect(withHost(host, env)).toThrow(UsageError)
    expect(withHost(host, env)).toThrow(message)
  })

  it.each([
    ['127.0.0.1:8080', 'emulators'],
    ['localhost:8080', 'emulators'],
    ['[::1]:8080', 'emulators'],
    ['127.10.0.3:1', 'emulators'],
    ['firestore-emulator.ci:8080', 'cluster'],
  ])('%s in %s mode is accepted', (host, env) => {
    expect(withHost(host, env)).not.toThrow()
  })
})
