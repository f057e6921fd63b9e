import { describe, expect, it } from 'vitest'
import { parseCli } from './parse-cli.ts'

describe('parseCli', () => {
  it('defaults to the run command', () => {
    expect(parseCli([], {})).toEqual({ command: 'run', values: {}, positionals: [] })
  })

  it('reads `npm test -- --env=cluster` exactly as written', () => {
    expect(parseCli(['test', '--env=cluster'], {}).values).toEqual({ env: 'cluster' })
    expect(parseCli(['test', '--env=cluster'], {}).command).toBe('test')
  })

  it('reads flags with separate values and positional gate filters', () => {
    const parsed = parseCli(['run', '--namespace', 'floor-2', 'kill-switch'], {})
    expect(parsed.values.namespace).toBe('floor-2')
    expect(parsed.positionals).toEqual(['kill-switch'])
  })

  it('falls back to the environment variable of a flag, and the flag wins over it', () => {
    expect(parseCli([], { OPENBELL_NAMESPACE: 'from-env' }).values.namespace).toBe('from-env')
    expect(parseCli(['--namespace=flag'], { OPENBELL_NAMESPACE: 'from-env' }).values.namespace).toBe('flag')
  })

  it('ignores an empty environment variable', () => {
    expect(parseCli([], { OPENBELL_NAMESPACE: '' }).values.namespace).toBeUndefined()
  })

  it.each([
    [['--nope'], "[openbell] Unknown option '--nope'. Run `openbell --help` for the flags."],
    [['--namespace'], "[openbell] Option '--namespace <value>' argument missing. Run `openbell --help` for the flags."],
    [['seed', '--authorize-execution', 'a/b/c'], '[openbell] --authorize-execution does not apply to `openbell seed`; it is for: run, test, plan, watch.'],
  ])('rejects %j with one clear line', (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(message)
  })
})
