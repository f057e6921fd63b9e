import type { V1ConfigMap, V1EnvFromSource, V1EnvVar } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { findPostureViolations } from './find-posture-violations.ts'
import { configMap, deployment, fromSecret, literal } from './internal/build-workloads.ts'
import type { Workload } from './workload.ts'
import { judgePaperPosture, type PaperPostureAspect } from './paper-posture.ts'

const PAPER = literal('APCA_API_BASE_URL', 'https://paper-api.alpaca.markets')
const HEALTHY: Workload[] = [
  deployment('marketdata-mcp-server', [literal('AGENT_MODE', 'OBSERVE'), literal('TRADING_MODE', 'paper'), PAPER, fromSecret('APCA_API_KEY_ID', 'trader-secrets')]),
  deployment('execution-engine', [literal('AGENT_MODE', 'OFF'), literal('TRADING_MODE', 'paper'), PAPER, literal('EXEC_DRY_RUN', '1')]),
]
const withEnvFromSecret = (name: string): Workload =>
  deployment(name, [literal('AGENT_MODE', 'OFF')], { container: { envFrom: [{ secretRef: { name: 'extra' } } satisfies V1EnvFromSource] } })

type Case = { case: string; workloads: Workload[]; configMaps?: V1ConfigMap[]; aspect: PaperPostureAspect; status: string; reason: string }

describe('judgePaperPosture', () => {
  it.each<Case>([
    {
      case: 'healthy floor, broker host',
      workloads: HEALTHY,
      aspect: 'broker-host',
      status: 'pass',
      reason: 'every Alpaca trading host named in workload env and ConfigMap data is https://paper-api.alpaca.markets',
    },
    { case: 'healthy floor, trading mode', workloads: HEALTHY, aspect: 'trading-mode', status: 'pass', reason: 'TRADING_MODE is "paper" wherever it is set' },
    { case: 'healthy floor, agent mode', workloads: HEALTHY, aspect: 'agent-mode', status: 'pass', reason: 'no workload runs with AGENT_MODE LIVE or EXECUTE' },
    {
      case: 'healthy floor, execution',
      workloads: HEALTHY,
      aspect: 'execution',
      status: 'pass',
      reason: 'no execution workload with pods has EXECUTION_ENABLED or BROKER_EXECUTION_ENABLED on',
    },
    {
      case: 'the live host in a Deployment names the object and the variable',
      workloads: [deployment('strategy-engine', [literal('APCA_API_BASE_URL', 'https://api.alpaca.markets')])],
      aspect: 'broker-host',
      status: 'fail',
      reason:
        'Deployment/trading-floor/strategy-engine container main: APCA_API_BASE_URL names the live broker host api.alpaca.markets ' +
        '("https://api.alpaca.markets"); AgentTrader must trade through https://paper-api.alpaca.markets only',
    },
    {
      case: 'the live host in ConfigMap data names the ConfigMap and the key',
      workloads: [],
      configMaps: [configMap('broker', { BASE: 'https://api.alpaca.markets/v2' })],
      aspect: 'broker-host',
      status: 'fail',
      reason:
        'ConfigMap/trading-floor/broker: BASE names the live broker host api.alpaca.markets ("https://api.alpaca.markets/v2"); ' +
        'AgentTrader must trade through https://paper-api.alpaca.markets only',
    },
    {
      case: 'a live host is not a trading-mode violation',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://api.alpaca.markets')])],
      aspect: 'trading-mode',
      status: 'pass',
      reason: 'TRADING_MODE is "paper" wherever it is set',
    },
    {
      case: 'TRADING_MODE live',
      workloads: [deployment('a', [literal('TRADING_MODE', 'live')])],
      aspect: 'trading-mode',
      status: 'fail',
      reason:
        'Deployment/trading-floor/a container main: TRADING_MODE is "live"; the paper-trading hard lock needs "paper" (any case), ' +
        "and AgentTrader's startup guard exits 13 otherwise",
    },
    {
      case: 'AGENT_MODE EXECUTE',
      workloads: [deployment('a', [literal('AGENT_MODE', 'EXECUTE')])],
      aspect: 'agent-mode',
      status: 'fail',
      reason:
        'Deployment/trading-floor/a container main: AGENT_MODE is "EXECUTE"; before the open every agent must be in a ' +
        'non-executing mode (OFF, OBSERVE, EVAL or PAPER)',
    },
    {
      case: 'execution enabled with a pod',
      workloads: [deployment('execution-engine', [literal('EXECUTION_ENABLED', 'true')])],
      aspect: 'execution',
      status: 'fail',
      reason:
        'Deployment/trading-floor/execution-engine container main: EXECUTION_ENABLED is "true" on execution workload ' +
        'Deployment/trading-floor/execution-engine with 1 pod(s) wanted: it can place broker orders; before the open it must be off ' +
        '(or the workload scaled to 0)',
    },
    {
      case: 'execution enabled but scaled to 0',
      workloads: [deployment('execution-engine', [literal('EXECUTION_ENABLED', 'true')], { replicas: 0 })],
      aspect: 'execution',
      status: 'pass',
      reason: 'no execution workload with pods has EXECUTION_ENABLED or BROKER_EXECUTION_ENABLED on',
    },
    {
      case: 'TRADING_MODE from a Secret cannot be judged',
      workloads: [deployment('a', [fromSecret('TRADING_MODE', 'trader-secrets')])],
      aspect: 'trading-mode',
      status: 'unverified',
      reason:
        'cannot tell whether TRADING_MODE is "paper" wherever it is set: Deployment/trading-floor/a container main: ' +
        'TRADING_MODE comes from Secret trader-secrets key TRADING_MODE; openbell does not read it, so its value is not judged',
    },
    {
      case: 'TRADING_MODE from a Secret does not hide an agent-mode violation',
      workloads: [deployment('a', [fromSecret('TRADING_MODE', 'trader-secrets')])],
      aspect: 'agent-mode',
      status: 'pass',
      reason: 'no workload runs with AGENT_MODE LIVE or EXECUTE',
    },
    {
      case: 'EXECUTION_ENABLED from a Secret matters on an execution workload only',
      workloads: [deployment('strategy-engine', [fromSecret('EXECUTION_ENABLED', 'trader-secrets')])],
      aspect: 'execution',
      status: 'pass',
      reason: 'no execution workload with pods has EXECUTION_ENABLED or BROKER_EXECUTION_ENABLED on',
    },
    {
      case: 'an envFrom Secret may define any variable',
      workloads: [withEnvFromSecret('a')],
      aspect: 'agent-mode',
      status: 'unverified',
      reason:
        'cannot tell whether no workload runs with AGENT_MODE LIVE or EXECUTE: Deployment/trading-floor/a container main: ' +
        '* (any variable) may come from envFrom Secret extra; openbell does not read it, so its value is not judged',
    },
    {
      case: 'a violation wins over a hidden value',
      workloads: [deployment('a', [literal('AGENT_MODE', 'LIVE')]), withEnvFromSecret('b')],
      aspect: 'agent-mode',
      status: 'fail',
      reason:
        'Deployment/trading-floor/a container main: AGENT_MODE is "LIVE"; before the open every agent must be in a ' +
        'non-executing mode (OFF, OBSERVE, EVAL or PAPER)',
    },
  ])('$case → $status', ({ workloads, configMaps = [], aspect, status, reason }) => {
    const judgement = judgePaperPosture(findPostureViolations({ workloads, configMaps }), aspect)
    expect({ status: judgement.status, reason: judgement.reason }).toEqual({ status, reason })
    // @note the findings are the violations on a fail, the hidden values on an unverified, nothing on a pass.
    const kinds = judgement.findings.map((finding) => (finding.violation ? 'violation' : finding.rule))
    expect(kinds).toEqual(kinds.length === 0 ? [] : Array(kinds.length).fill(status === 'fail' ? 'violation' : 'not-inspected'))
    expect(judgement.findings.length > 0).toBe(status !== 'pass')
  })

  it.each<PaperPostureAspect>(['broker-host', 'trading-mode', 'agent-mode', 'execution'])(
    'a %s verdict is unverified, never pass, when an env value or a ConfigMap value is not a string',
    (aspect) => {
      const odd = deployment('a', [{ name: 'UNRELATED', value: 7 } as unknown as V1EnvVar])
      const oddMap = { ...configMap('b', {}), data: { X: { nested: true } } } as unknown as V1ConfigMap
      for (const input of [{ workloads: [odd], configMaps: [] }, { workloads: HEALTHY, configMaps: [oddMap] }]) {
        const judgement = judgePaperPosture(findPostureViolations(input), aspect)
        expect(judgement.status).toBe('unverified')
        expect(judgement.reason).toMatch(/is a number \(7\), not a string|key X is not a string/)
      }
    },
  )
})
