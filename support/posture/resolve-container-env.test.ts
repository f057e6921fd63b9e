import type { V1Container, V1PodSpec } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { configMap, fromConfigMap, fromSecret, literal } from './internal/build-workloads.ts'
import { resolveContainerEnv, type EnvSource } from './resolve-container-env.ts'

const MAPS = [
  configMap('mode', { TRADING_MODE: 'paper', AGENT_MODE: 'OFF', HOST: 'paper-api.alpaca.markets' }),
  configMap('override', { AGENT_MODE: 'EVAL' }),
  configMap('elsewhere', { TRADING_MODE: 'live' }, 'other-namespace'),
]

function resolve(container: Omit<V1Container, 'name'>, pod: Partial<V1PodSpec> = {}) {
  const main = { name: 'main', ...container }
  return resolveContainerEnv({ containers: [main], ...pod }, main, MAPS, 'trading-floor')
}

function vars(container: Omit<V1Container, 'name'>): Record<string, EnvSource> {
  return Object.fromEntries(resolve(container).vars)
}

describe('resolveContainerEnv', () => {
  it.each<{ case: string; container: Omit<V1Container, 'name'>; expected: Record<string, EnvSource> }>([
    {
      case: 'envFrom with a prefix, then env overrides',
      container: { envFrom: [{ configMapRef: { name: 'mode' }, prefix: 'X_' }], env: [literal('X_AGENT_MODE', 'LIVE')] },
      expected: {
        X_TRADING_MODE: { source: 'configMap', name: 'mode', key: 'TRADING_MODE', value: 'paper', via: 'envFrom' },
        X_AGENT_MODE: { source: 'literal', value: 'LIVE' },
        X_HOST: { source: 'configMap', name: 'mode', key: 'HOST', value: 'paper-api.alpaca.markets', via: 'envFrom' },
      },
    },
    {
      case: 'a later envFrom wins',
      container: { envFrom: [{ configMapRef: { name: 'mode' } }, { configMapRef: { name: 'override' } }] },
      expected: {
        TRADING_MODE: { source: 'configMap', name: 'mode', key: 'TRADING_MODE', value: 'paper', via: 'envFrom' },
        AGENT_MODE: { source: 'configMap', name: 'override', key: 'AGENT_MODE', value: 'EVAL', via: 'envFrom' },
        HOST: { source: 'configMap', name: 'mode', key: 'HOST', value: 'paper-api.alpaca.markets', via: 'envFrom' },
      },
    },
    {
      case: 'configMapKeyRef resolved; a later env entry wins',
      container: { env: [fromConfigMap('AGENT_MODE', 'mode'), literal('AGENT_MODE', 'OBSERVE')] },
      expected: { AGENT_MODE: { source: 'literal', value: 'OBSERVE' } },
    },
    {
      case: 'a missing optional key is absent and keeps the envFrom value',
      container: { envFrom: [{ configMapRef: { name: 'mode' } }], env: [fromConfigMap('AGENT_MODE', 'override', 'NOPE', true)] },
      expected: {
        TRADING_MODE: { source: 'configMap', name: 'mode', key: 'TRADING_MODE', value: 'paper', via: 'envFrom' },
        AGENT_MODE: { source: 'configMap', name: 'mode', key: 'AGENT_MODE', value: 'OFF', via: 'envFrom' },
        HOST: { source: 'configMap', name: 'mode', key: 'HOST', value: 'paper-api.alpaca.markets', via: 'envFrom' },
      },
    },
    {
      case: 'a missing required key or ConfigMap is unresolvable',
      container: { env: [fromConfigMap('A', 'mode', 'NOPE'), fromConfigMap('B', 'gone', 'K'), fromConfigMap('C', 'elsewhere', 'TRADING_MODE')] },
      expected: {
        A: { source: 'unresolvable', name: 'mode', key: 'NOPE', reason: 'ConfigMap mode has no key NOPE' },
        B: { source: 'unresolvable', name: 'gone', key: 'K', reason: 'ConfigMap gone is not there' },
        C: { source: 'unresolvable', name: 'elsewhere', key: 'TRADING_MODE', reason: 'ConfigMap elsewhere is not there' },
      },
    },
    {
      case: 'secrets, fields, resources and files are named, not read',
      container: {
        env: [
          fromSecret('APCA_API_KEY_ID', 'trader-secrets'),
          { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          { name: 'TOKEN', valueFrom: { fileKeyRef: { volumeName: 'cfg', path: 'env', key: 'TOKEN' } } },
        ],
      },
      expected: {
        APCA_API_KEY_ID: { source: 'secret', name: 'trader-secrets', key: 'APCA_API_KEY_ID' },
        POD: { source: 'field', fieldPath: 'metadata.name' },
        CPU: { source: 'resourceField', resource: 'limits.cpu' },
        TOKEN: { source: 'file', volumeName: 'cfg', path: 'env', key: 'TOKEN' },
      },
    },
    {
      case: '$(NAME) expands against what is defined so far; $$ escapes; unknown stays',
      container: {
        envFrom: [{ configMapRef: { name: 'mode' } }],
        env: [literal('URL', 'https://$(HOST)/v2'), literal('LATER', '$(NEXT)'), literal('NEXT', 'n'), literal('ESC', '$$(HOST)')],
      },
      expected: {
        TRADING_MODE: { source: 'configMap', name: 'mode', key: 'TRADING_MODE', value: 'paper', via: 'envFrom' },
        AGENT_MODE: { source: 'configMap', name: 'mode', key: 'AGENT_MODE', value: 'OFF', via: 'envFrom' },
        HOST: { source: 'configMap', name: 'mode', key: 'HOST', value: 'paper-api.alpaca.markets', via: 'envFrom' },
        URL: { source: 'literal', value: 'https://paper-api.alpaca.markets/v2' },
        LATER: { source: 'literal', value: '$(NEXT)' },
        NEXT: { source: 'literal', value: 'n' },
        ESC: { source: 'literal', value: '$(HOST)' },
      },
    },
  ])('$case', ({ container, expected }) => {
    expect(vars(container)).toEqual(expected)
  })

  it('lists envFrom Secrets and missing ConfigMaps as opaque, without reading them', () => {
    const env = resolve({ envFrom: [{ secretRef: { name: 'trader-secrets' } }, { configMapRef: { name: 'gone', optional: true }, prefix: 'G_' }] })
    expect(env.opaque).toEqual([
      { source: 'secret', name: 'trader-secrets', prefix: '', optional: false },
      { source: 'missing-configMap', name: 'gone', prefix: 'G_', optional: true },
    ])
    expect(env.vars.size).toBe(0)
  })

  it('marks init containers', () => {
    const init = { name: 'migrate', env: [literal('AGENT_MODE', 'OFF')] }
    const pod = { initContainers: [init], containers: [{ name: 'main' }] }
    expect(resolveContainerEnv(pod, init, MAPS)).toMatchObject({ container: 'migrate', init: true })
    expect(resolveContainerEnv(pod, pod.containers[0] as V1Container, MAPS)).toMatchObject({ container: 'main', init: false })
  })

  it('records a Secret in envFrom after a ConfigMap on the keys it may redefine (not on env entries, which win)', () => {
    const resolved = vars({
      envFrom: [{ configMapRef: { name: 'mode' } }, { secretRef: { name: 'trader-secrets' }, prefix: 'AGENT_' }],
      env: [literal('TRADING_MODE', 'paper')],
    })
    expect(resolved.AGENT_MODE).toMatchObject({ source: 'configMap', mayBeOverriddenBy: [{ source: 'secret', name: 'trader-secrets', prefix: 'AGENT_' }] })
    expect(resolved.HOST).not.toHaveProperty('mayBeOverriddenBy')
    expect(resolved.TRADING_MODE).toEqual({ source: 'literal', value: 'paper' })
  })

  it.each([
    { value: 5, reason: 'env[0] (A): value is a number (5), not a string' },
    { value: { url: 'x' }, reason: 'env[0] (A): value is an object, not a string' },
    { value: null, reason: 'env[0] (A): value is null, not a string' },
    { value: true, reason: 'env[0] (A): value is a boolean (true), not a string' },
  ])('calls a value of $value malformed instead of crashing', ({ value, reason }) => {
    const env = [{ name: 'A', value }] as unknown as V1Container['env']
    const resolved = resolve({ env })
    expect(resolved.malformed).toEqual([reason])
    expect(resolved.vars.get('A')?.source).toBe('malformed')
  })

  it('calls an env that is not a list, or a nameless entry, malformed', () => {
    expect(resolve({ env: { A: '1' } as unknown as V1Container['env'] }).malformed).toEqual(['env is an object, not a list'])
    expect(resolve({ env: [{ value: 'x' }] as unknown as V1Container['env'] }).malformed).toEqual(['env[0] has a name that is missing, not a string'])
  })

  it('treats later duplicates as Kubernetes does: the last definition of a name wins', () => {
    const resolved = vars({ env: [literal('AGENT_MODE', 'OFF'), fromConfigMap('AGENT_MODE', 'mode'), literal('AGENT_MODE', 'EXECUTE')] })
    expect(resolved.AGENT_MODE).toEqual({ source: 'literal', value: 'EXECUTE' })
  })
})
