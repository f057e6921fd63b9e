import type { V1ConfigMap } from '@kubernetes/client-node'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { findPostureViolations } from './find-posture-violations.ts'
import { configMap, cronJob, deployment, fromConfigMap, fromSecret, literal } from './internal/build-workloads.ts'
import type { Workload } from './workload.ts'

type Case = { case: string; workloads: Workload[]; configMaps?: V1ConfigMap[]; found: string[] }

/** Each finding as `rule object container variable=value`, `!` marking a violation. */
function summarize(workloads: Workload[], configMaps: V1ConfigMap[] = []): string[] {
  return findPostureViolations({ workloads, configMaps }).map(
    (f) => `${f.violation ? '!' : ''}${f.rule} ${f.object} ${f.container ?? '-'} ${f.variable}=${f.value}`,
  )
}

const D = 'Deployment/trading-floor'

describe('findPostureViolations: broker hosts', () => {
  it.each<Case>([
    { case: 'the paper URL', workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://paper-api.alpaca.markets')])], found: [] },
    { case: 'the paper URL with /v2', workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://paper-api.alpaca.markets/v2')])], found: [] },
    { case: 'a market-data host', workloads: [deployment('a', [literal('DATA_URL', 'https://data.alpaca.markets/v2')])], found: [] },
    {
      case: 'the live URL',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://api.alpaca.markets')])],
      found: [`!live-broker-host ${D}/a main APCA_API_BASE_URL=https://api.alpaca.markets`],
    },
    {
      case: 'the live host in any variable, any case',
      workloads: [deployment('a', [literal('UPSTREAM', 'wss://API.Alpaca.Markets./stream')])],
      found: [`!live-broker-host ${D}/a main UPSTREAM=wss://API.Alpaca.Markets./stream`],
    },
    {
      case: 'http to the paper host',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'http://paper-api.alpaca.markets')])],
      found: [`!alpaca-url-not-paper ${D}/a main APCA_API_BASE_URL=http://paper-api.alpaca.markets`],
    },
    {
      case: 'a port on the paper host',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://paper-api.alpaca.markets:443')])],
      found: [`!alpaca-url-not-paper ${D}/a main APCA_API_BASE_URL=https://paper-api.alpaca.markets:443`],
    },
    {
      case: 'a relay host as the base URL',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://broker-relay.example.com')])],
      found: [`!alpaca-url-not-paper ${D}/a main APCA_API_BASE_URL=https://broker-relay.example.com`],
    },
    {
      case: 'a relay host as the base URL in a ConfigMap key',
      workloads: [],
      configMaps: [configMap('broker', { ALPACA_BASE_URL: 'https://broker-relay.example.com/v2' })],
      found: ['!alpaca-url-not-paper ConfigMap/trading-floor/broker - ALPACA_BASE_URL=https://broker-relay.example.com/v2'],
    },
    {
      case: 'an empty base URL',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', '')])],
      found: [`!alpaca-url-not-paper ${D}/a main APCA_API_BASE_URL=`],
    },
    {
      case: 'a relay host in a variable that does not hold the base URL',
      workloads: [deployment('a', [literal('WEBHOOK_URL', 'https://broker-relay.example.com')])],
      found: [],
    },
    {
      case: 'the live host with ideographic dots',
      workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://api\u3002alpaca\u3002markets')])],
      found: [`!live-broker-host ${D}/a main APCA_API_BASE_URL=https://api\u3002alpaca\u3002markets`],
    },
    {
      case: 'the live host percent-encoded in any variable',
      workloads: [deployment('a', [literal('UPSTREAM', 'https://api%2Ealpaca%2Emarkets')])],
      found: [`!live-broker-host ${D}/a main UPSTREAM=https://api%2Ealpaca%2Emarkets`],
    },
    {
      case: 'a URL built with $(VAR) from a ConfigMap',
      workloads: [deployment('a', [fromConfigMap('HOST', 'hosts'), literal('APCA_API_BASE_URL', 'https://$(HOST)')])],
      configMaps: [configMap('hosts', { HOST: 'api.alpaca.markets' })],
      found: [
        `!live-broker-host ${D}/a main HOST=api.alpaca.markets`,
        `!live-broker-host ${D}/a main APCA_API_BASE_URL=https://api.alpaca.markets`,
        '!live-broker-host ConfigMap/trading-floor/hosts - HOST=api.alpaca.markets',
      ],
    },
    {
      case: 'the live host in a ConfigMap nobody mounts',
      workloads: [],
      configMaps: [configMap('broker', { 'config.yaml': 'broker:\n  base_url: "https://api.alpaca.markets/v2"\n' })],
      found: ['!live-broker-host ConfigMap/trading-floor/broker - config.yaml=broker:\n  base_url: "https://api.alpaca.markets/v2"\n'],
    },
    {
      case: 'the live host in a ConfigMap binaryData file (base64)',
      workloads: [],
      configMaps: [
        {
          metadata: { name: 'broker', namespace: 'trading-floor' },
          binaryData: { 'config.yaml': Buffer.from('base_url: https://api.alpaca.markets/v2\n').toString('base64') },
        },
      ],
      found: ['!live-broker-host ConfigMap/trading-floor/broker - config.yaml=base_url: https://api.alpaca.markets/v2\n'],
    },
    {
      case: 'a value redacted by its name',
      workloads: [deployment('a', [literal('ALPACA_SECRET_URL', 'https://api.alpaca.markets')])],
      found: [`!live-broker-host ${D}/a main ALPACA_SECRET_URL=[redacted]`],
    },
    {
      case: 'a base URL from a Secret',
      workloads: [deployment('a', [fromSecret('APCA_API_BASE_URL', 'trader-secrets'), fromSecret('APCA_API_KEY_ID', 'trader-secrets')])],
      found: [`not-inspected ${D}/a main APCA_API_BASE_URL=not inspected (Secret)`],
    },
  ])('$case', ({ workloads, configMaps, found }) => {
    expect(summarize(workloads, configMaps)).toEqual(found)
  })

  it('words a live-host finding for an operator', () => {
    const [finding] = findPostureViolations({ workloads: [deployment('a', [literal('APCA_API_BASE_URL', 'https://api.alpaca.markets/v2')])], configMaps: [] })
    expect(finding?.message).toBe(
      'APCA_API_BASE_URL names the live broker host api.alpaca.markets ("https://api.alpaca.markets/v2"); ' +
        'AgentTrader must trade through https://paper-api.alpaca.markets only',
    )
  })

  it('reports the offending token, not a whole long config file', () => {
    const file = `${'# padding\n'.repeat(30)}url: https://api.alpaca.markets\n`
    const [finding] = findPostureViolations({ workloads: [], configMaps: [configMap('broker', { 'app.yaml': file })] })
    expect(finding?.value).toBe('https://api.alpaca.markets')
  })
})

describe('findPostureViolations: modes and execution', () => {
  it.each<Case>([
    { case: 'TRADING_MODE paper in any case', workloads: [deployment('a', [literal('TRADING_MODE', ' PAPER ')])], found: [] },
    { case: 'TRADING_MODE unset', workloads: [deployment('a', [literal('AGENT_MODE', 'OFF')])], found: [] },
    { case: 'TRADING_MODE live', workloads: [deployment('a', [literal('TRADING_MODE', 'live')])], found: [`!trading-mode-not-paper ${D}/a main TRADING_MODE=live`] },
    { case: 'TRADING_MODE empty', workloads: [deployment('a', [literal('TRADING_MODE', '')])], found: [`!trading-mode-not-paper ${D}/a main TRADING_MODE=`] },
    { case: 'TRADING_MODE from a Secret', workloads: [deployment('a', [fromSecret('TRADING_MODE', 's')])], found: [`not-inspected ${D}/a main TRADING_MODE=not inspected (Secret)`] },
    { case: 'AGENT_MODE OFF, OBSERVE, EVAL, PAPER', workloads: ['OFF', 'OBSERVE', 'EVAL', 'PAPER'].map((mode) => deployment(mode.toLowerCase(), [literal('AGENT_MODE', mode)])), found: [] },
    { case: 'AGENT_MODE LIVE', workloads: [deployment('a', [literal('AGENT_MODE', 'LIVE')])], found: [`!agent-mode-live ${D}/a main AGENT_MODE=LIVE`] },
    { case: 'AGENT_MODE execute', workloads: [deployment('a', [literal('AGENT_MODE', ' execute')])], found: [`!agent-mode-live ${D}/a main AGENT_MODE= execute`] },
    {
      case: 'AGENT_MODE LIVE in an init container',
      workloads: [deployment('a', [], { pod: { initContainers: [{ name: 'warm', env: [literal('AGENT_MODE', 'LIVE')] }] } })],
      found: [`!agent-mode-live ${D}/a warm AGENT_MODE=LIVE`],
    },
    {
      case: 'the live host in an ephemeral (kubectl debug) container',
      workloads: [
        { kind: 'Pod', metadata: { name: 'p', namespace: 'trading-floor' }, spec: { containers: [{ name: 'main' }], ephemeralContainers: [{ name: 'debugger', env: [literal('APCA_API_BASE_URL', 'https://api.alpaca.markets'), literal('AGENT_MODE', 'EXECUTE')] }] } },
      ],
      found: ['!live-broker-host Pod/trading-floor/p debugger APCA_API_BASE_URL=https://api.alpaca.markets', '!agent-mode-live Pod/trading-floor/p debugger AGENT_MODE=EXECUTE'],
    },
    {
      case: 'an execution workload with pods and EXECUTION_ENABLED on',
      workloads: [deployment('execution-engine', [literal('EXECUTION_ENABLED', ' TRUE ')])],
      found: [`!execution-enabled ${D}/execution-engine main EXECUTION_ENABLED= TRUE `],
    },
    {
      case: 'BROKER_EXECUTION_ENABLED on a running executor CronJob',
      workloads: [cronJob('order-executor', [literal('BROKER_EXECUTION_ENABLED', 'yes')])],
      found: ['!execution-enabled CronJob/trading-floor/order-executor main BROKER_EXECUTION_ENABLED=yes'],
    },
    { case: 'a suspended executor CronJob', workloads: [cronJob('order-executor', [literal('BROKER_EXECUTION_ENABLED', 'on')], true)], found: [] },
    { case: 'an execution workload scaled to 0', workloads: [deployment('exec-engine', [literal('EXECUTION_ENABLED', '1')], { replicas: 0 })], found: [] },
    { case: 'EXECUTION_ENABLED false', workloads: [deployment('execution-agent', [literal('EXECUTION_ENABLED', 'false')])], found: [] },
    { case: 'EXECUTION_ENABLED on a non-execution workload', workloads: [deployment('strategy-engine', [literal('EXECUTION_ENABLED', 'true')])], found: [] },
    {
      case: 'an envFrom Secret is noted',
      workloads: [deployment('a', [], { container: { envFrom: [{ secretRef: { name: 'trader-secrets' } }] } })],
      found: [`not-inspected ${D}/a main *=not inspected (Secret)`],
    },
  ])('$case', ({ workloads, configMaps, found }) => {
    expect(summarize(workloads, configMaps)).toEqual(found)
  })

  it('refuses a workload without a kind, saying how to fix it', () => {
    const { kind: _kind, ...noKind } = deployment('a', [])
    expect(() => findPostureViolations({ workloads: [noKind as Workload], configMaps: [] })).toThrow(UsageError)
    expect(() => findPostureViolations({ workloads: [noKind as Workload], configMaps: [] })).toThrow('workload a has kind null')
  })
})
