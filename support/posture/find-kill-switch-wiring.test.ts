import type { V1Container, V1EnvVar, V1PodSpec } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { findKillSwitchWiring } from './find-kill-switch-wiring.ts'
import { configMap, deployment, fromConfigMap, literal } from './internal/build-workloads.ts'

const KS = 'agenttrader-kill-switch'
const FILE = literal('EXECUTION_HALTED_FILE', '/etc/agenttrader/kill-switch/EXECUTION_HALTED')
const VOLUME = { name: 'kill-switch', configMap: { name: KS } }
const MOUNT = { name: 'kill-switch', mountPath: '/etc/agenttrader/kill-switch', readOnly: true }

type Case = { case: string; env: V1EnvVar[]; container?: Partial<V1Container>; pod?: Partial<V1PodSpec>; wired: boolean }

describe('findKillSwitchWiring', () => {
  it.each<Case>([
    { case: 'env from the ConfigMap key', env: [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS)], wired: true },
    { case: 'envFrom of the ConfigMap', env: [literal('AGENT_MODE', 'OFF')], container: { envFrom: [{ configMapRef: { name: KS } }] }, wired: true },
    { case: 'a file in the mounted ConfigMap volume', env: [literal('AGENT_MODE', 'EVAL'), FILE], container: { volumeMounts: [MOUNT] }, pod: { volumes: [VOLUME] }, wired: true },
    {
      case: 'a file renamed by volume items',
      env: [literal('AGENT_MODE', 'EVAL'), literal('EXECUTION_HALTED_FILE', '/ks/halted')],
      container: { volumeMounts: [{ name: 'ks', mountPath: '/ks/' }] },
      pod: { volumes: [{ name: 'ks', configMap: { name: KS, items: [{ key: 'EXECUTION_HALTED', path: 'halted' }] } }] },
      wired: true,
    },
    {
      case: 'a file mounted by subPath',
      env: [literal('AGENT_MODE', 'EVAL'), literal('EXECUTION_HALTED_FILE', '/run/halted')],
      container: { volumeMounts: [{ name: 'kill-switch', mountPath: '/run/halted', subPath: 'EXECUTION_HALTED' }] },
      pod: { volumes: [VOLUME] },
      wired: true,
    },
    {
      case: 'a file in a projected volume',
      env: [literal('AGENT_MODE', 'EVAL'), FILE],
      container: { volumeMounts: [MOUNT] },
      pod: { volumes: [{ name: 'kill-switch', projected: { sources: [{ configMap: { name: KS } }] } }] },
      wired: true,
    },
    { case: 'no AGENT_MODE and not an execution workload: not judged', env: [literal('EXECUTION_HALTED', '0')], wired: true },
    { case: 'an execution agent by AGENT_ROLE without AGENT_MODE', env: [literal('AGENT_ROLE', 'execution')], wired: false },
    { case: 'an execution agent by AGENT_ROLE, wired', env: [literal('AGENT_ROLE', 'execution'), fromConfigMap('EXECUTION_HALTED', KS)], wired: true },
    { case: 'a duplicate literal after the ConfigMap key', env: [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS), literal('EXECUTION_HALTED', '0')], wired: false },
    {
      case: 'another ConfigMap with the key in envFrom after the kill switch',
      env: [literal('AGENT_MODE', 'OFF')],
      container: { envFrom: [{ configMapRef: { name: KS } }, { configMapRef: { name: 'other' } }] },
      wired: false,
    },
    {
      case: 'a Secret in envFrom before the kill switch',
      env: [literal('AGENT_MODE', 'OFF')],
      container: { envFrom: [{ secretRef: { name: 'trader-secrets' } }, { configMapRef: { name: KS } }] },
      wired: true,
    },
    {
      case: 'a Secret in envFrom after the kill switch, but env from the key wins',
      env: [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS)],
      container: { envFrom: [{ secretRef: { name: 'trader-secrets' } }] },
      wired: true,
    },
    { case: 'nothing wired', env: [literal('AGENT_MODE', 'OFF')], wired: false },
    { case: 'a literal overriding envFrom', env: [literal('AGENT_MODE', 'OFF'), literal('EXECUTION_HALTED', '1')], container: { envFrom: [{ configMapRef: { name: KS } }] }, wired: false },
    { case: 'envFrom behind a prefix', env: [literal('AGENT_MODE', 'OFF')], container: { envFrom: [{ configMapRef: { name: KS }, prefix: 'KS_' }] }, wired: false },
    { case: 'env from another ConfigMap', env: [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', 'agenttrader-safety', 'KILL_SWITCH')], wired: false },
    { case: 'the file env without the volume mounted', env: [literal('AGENT_MODE', 'OBSERVE'), FILE], pod: { volumes: [VOLUME] }, wired: false },
    { case: 'the file env pointing outside the mount', env: [literal('AGENT_MODE', 'OBSERVE'), literal('EXECUTION_HALTED_FILE', '/tmp/EXECUTION_HALTED')], container: { volumeMounts: [MOUNT] }, pod: { volumes: [VOLUME] }, wired: false },
  ])('$case → wired=$wired', ({ env, container, pod, wired }) => {
    const workload = deployment('agent', env, { ...(container === undefined ? {} : { container }), ...(pod === undefined ? {} : { pod }) })
    const maps = [configMap(KS, { EXECUTION_HALTED: '1' }), configMap('other', { EXECUTION_HALTED: '0' })]
    const gaps = findKillSwitchWiring([workload], maps).gaps
    expect(gaps.map((gap) => gap.outcome)).toEqual(wired ? [] : ['not-wired'])
  })

  it('cannot tell when a Secret in envFrom after the kill switch may redefine EXECUTION_HALTED', () => {
    const workload = deployment('agent', [literal('AGENT_MODE', 'OBSERVE')], {
      container: { envFrom: [{ configMapRef: { name: KS } }, { secretRef: { name: 'trader-secrets' } }] },
    })
    const [gap] = findKillSwitchWiring([workload], [configMap(KS, { EXECUTION_HALTED: '1' })]).gaps
    expect(gap?.outcome).toBe('cannot-tell')
    expect(gap?.message).toContain('envFrom Secret trader-secrets listed after it may redefine it')
  })

  it('cannot tell, without crashing, when an env value is not a string', () => {
    const odd = { name: 'EXECUTION_HALTED', value: 0 } as unknown as V1EnvVar
    const workload = deployment('agent', [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS), odd])
    const [gap] = findKillSwitchWiring([workload], [configMap(KS, { EXECUTION_HALTED: '1' })]).gaps
    expect(gap?.outcome).toBe('cannot-tell')
    expect(gap?.message).toContain('env[2] (EXECUTION_HALTED): value is a number (0), not a string')
  })

  it('counts an execution workload by name as an agent, and names what it found', () => {
    const workload = deployment('execution-engine', [literal('TRADING_MODE', 'paper')])
    const wiring = findKillSwitchWiring([workload])
    expect(wiring.agents).toEqual(['Deployment/trading-floor/execution-engine container main'])
    expect(wiring.gaps[0]?.message).toContain('container main belongs to execution workload execution-engine and has no AGENT_MODE but does not take EXECUTION_HALTED')
  })

  it('says what it found instead', () => {
    const workload = deployment('marketdata-mcp-server', [literal('AGENT_MODE', 'OBSERVE'), FILE], { pod: { volumes: [VOLUME] } })
    expect(findKillSwitchWiring([workload]).gaps).toEqual([
      {
        object: 'Deployment/trading-floor/marketdata-mcp-server',
        container: 'main',
        agentMode: 'OBSERVE',
        outcome: 'not-wired',
        message:
          'Deployment/trading-floor/marketdata-mcp-server container main has AGENT_MODE but does not take EXECUTION_HALTED ' +
          'from ConfigMap agenttrader-kill-switch: EXECUTION_HALTED is not set, and EXECUTION_HALTED_FILE is ' +
          '/etc/agenttrader/kill-switch/EXECUTION_HALTED, but no volume from ConfigMap agenttrader-kill-switch is mounted ' +
          'in this container; halting through the kill switch would not reach it',
      },
    ])
  })

  it('judges init containers too', () => {
    const workload = deployment('agent', [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS)], {
      pod: { initContainers: [{ name: 'warm', env: [literal('AGENT_MODE', 'OFF')] }] },
    })
    expect(findKillSwitchWiring([workload]).gaps.map((gap) => gap.container)).toEqual(['warm'])
  })

  it('judges ephemeral (kubectl debug) containers too, and finds their mounted kill switch', () => {
    const workload = deployment('agent', [literal('AGENT_MODE', 'OFF'), fromConfigMap('EXECUTION_HALTED', KS)], {
      pod: {
        volumes: [VOLUME],
        ephemeralContainers: [
          { name: 'debug', env: [literal('AGENT_MODE', 'EXECUTE')] },
          { name: 'debug-wired', env: [literal('AGENT_MODE', 'OFF'), FILE], volumeMounts: [MOUNT] },
        ],
      },
    })
    expect(findKillSwitchWiring([workload]).gaps.map((gap) => gap.container)).toEqual(['debug'])
  })
})
