import type { V1ConfigMap } from '@kubernetes/client-node'
import { ALPACA_BASE_URL_VARIABLES, checkAlpacaBaseUrl, PAPER_TRADING_BASE_URL } from '../network/index.ts'
import { describeAlpacaHostMention, findAlpacaHostMentions } from './find-alpaca-host-mentions.ts'
import { inspectSource } from './inspect-source.ts'
import { isTruthyFlag } from './is-truthy-flag.ts'
import { listContainerEnvs, type WorkloadContainerEnv } from './list-container-envs.ts'
import { createFinding, createNotInspected, type PostureFinding } from './posture-finding.ts'
import type { Workload } from './workload.ts'

/** The objects the posture rules read. */
export interface PostureInput {
  /** Deployments, StatefulSets, CronJobs and Jobs, each with `kind` set. */
  workloads: readonly Workload[]
  /** The ConfigMaps their environments refer to; every one's `data` and `binaryData` is also scanned for broker hosts. */
  configMaps: readonly V1ConfigMap[]
}

/** Names of execution workloads, whose pods can place broker orders. */
export const EXECUTION_WORKLOAD_NAME = /(execution|executor|exec-?engine)/i

/** The flags that let an execution workload call the broker (`backend/execution/engine.py`, the execution agent). */
export const EXECUTION_FLAGS: readonly string[] = Object.freeze(['EXECUTION_ENABLED', 'BROKER_EXECUTION_ENABLED'])

/** Variables whose hidden values (Secret, fieldRef, …) are worth a note because a rule would judge them. */
const JUDGED_NAME = /^(TRADING_MODE|AGENT_MODE|EXECUTION_ENABLED|BROKER_EXECUTION_ENABLED)$|URL|HOST|ENDPOINT/i

/**
 * Finds what makes the trading floor unsafe to open in paper mode: an Alpaca trading host that is not exactly the
 * paper URL (the live host named as such) in any variable of any container or in any ConfigMap's data;
 * `TRADING_MODE` set and not `paper`; `AGENT_MODE` `LIVE` or `EXECUTE`; an execution workload with pods and an
 * execution flag on. Values from Secrets (and fields, files, unresolvable references) are noted as not inspected.
 */
export function findPostureViolations({ workloads, configMaps }: PostureInput): PostureFinding[] {
  const findings = listContainerEnvs(workloads, configMaps).flatMap(judgeContainer)
  for (const map of configMaps) {
    const object = `ConfigMap/${map.metadata?.namespace ?? 'default'}/${map.metadata?.name ?? '(unnamed)'}`
    for (const [key, value] of Object.entries(map.data ?? {})) {
      // @note the API server only ever sends strings here; anything else is an answer openbell will not guess at.
      if (typeof value === 'string') findings.push(...judgeBrokerUrl(object, null, key, value))
      else findings.push(createNotInspected(object, null, '*', 'malformed', `(any variable) cannot be judged: key ${key} is not a string`))
    }
    // @note a file mounted from `binaryData` is read by the app like one from `data`: its text is judged the same way.
    for (const [key, value] of Object.entries(map.binaryData ?? {})) {
      if (typeof value === 'string') findings.push(...judgeBrokerUrl(object, null, key, Buffer.from(value, 'base64').toString('utf8')))
      else findings.push(createNotInspected(object, null, '*', 'malformed', `(any variable) cannot be judged: binaryData key ${key} is not a string`))
    }
  }
  return findings
}

function judgeContainer({ workload, env }: WorkloadContainerEnv): PostureFinding[] {
  const findings: PostureFinding[] = []
  const object = workload.id
  const container = env.container
  for (const opaque of env.opaque) {
    const label = opaque.source === 'secret' ? 'Secret' : 'unresolvable'
    const what = opaque.source === 'secret' ? `envFrom Secret ${opaque.name}` : `envFrom ConfigMap ${opaque.name}, which is not there,`
    findings.push(createNotInspected(object, container, `${opaque.prefix}*`, label, `(any variable) may come from ${what}`))
  }
  for (const reason of env.malformed) {
    findings.push(createNotInspected(object, container, '*', 'malformed', `(any variable) cannot be judged: ${reason}`))
  }
  for (const [name, source] of env.vars) {
    const seen = inspectSource(source)
    if (seen.state === 'hidden') {
      // @note a malformed value is already noted above, for every variable.
      if (JUDGED_NAME.test(name) && source.source !== 'malformed') findings.push(createNotInspected(object, container, name, seen.label, seen.why))
      continue
    }
    findings.push(...judgeBrokerUrl(object, container, name, seen.value))
    const rule = judgeMode(name, seen.value)
    if (rule !== undefined) findings.push(createFinding({ object, container, variable: name, value: seen.value, ...rule }))
    if (EXECUTION_FLAGS.includes(name) && isTruthyFlag(seen.value) && EXECUTION_WORKLOAD_NAME.test(workload.name) && workload.replicas > 0) {
      findings.push(
        createFinding({
          object,
          container,
          variable: name,
          value: seen.value,
          rule: 'execution-enabled',
          message:
            `${name} is ${JSON.stringify(seen.value)} on execution workload ${object} with ${workload.replicas} pod(s) wanted: ` +
            'it can place broker orders; before the open it must be off (or the workload scaled to 0)',
        }),
      )
    }
  }
  return findings
}

function judgeMode(name: string, value: string): Pick<PostureFinding, 'rule' | 'message'> | undefined {
  const normalized = value.trim().toLowerCase()
  if (name === 'TRADING_MODE' && normalized !== 'paper') {
    return {
      rule: 'trading-mode-not-paper',
      message: `TRADING_MODE is ${JSON.stringify(value)}; the paper-trading hard lock needs "paper" (any case), and AgentTrader's startup guard exits 13 otherwise`,
    }
  }
  if (name === 'AGENT_MODE' && (normalized === 'live' || normalized === 'execute')) {
    return {
      rule: 'agent-mode-live',
      message: `AGENT_MODE is ${JSON.stringify(value)}; before the open every agent must be in a non-executing mode (OFF, OBSERVE, EVAL or PAPER)`,
    }
  }
  return undefined
}

/**
 * The one broker-URL rule: any Alpaca trading host in the value must be exactly the paper URL (the live host, in any
 * spelling, is named as such), and a variable that holds the base URL must be the paper URL whatever host it names:
 * a relay in front of the broker is the trading host as far as the agent knows.
 */
function judgeBrokerUrl(object: string, container: string | null, variable: string, value: string): PostureFinding[] {
  const findings = judgeHosts(object, container, variable, value)
  if (findings.length > 0 || !ALPACA_BASE_URL_VARIABLES.includes(variable)) return findings
  const check = checkAlpacaBaseUrl(value)
  if (check.ok) return findings
  return [
    createFinding({
      object,
      container,
      variable,
      value,
      rule: 'alpaca-url-not-paper',
      message: `${variable} holds the Alpaca base URL, so it must be exactly ${PAPER_TRADING_BASE_URL} (or …/v2): ${check.reason}`,
    }),
  ]
}

function judgeHosts(object: string, container: string | null, variable: string, value: string): PostureFinding[] {
  return findAlpacaHostMentions(value)
    .filter((mention) => mention.verdict !== 'paper-url')
    .map((mention) =>
      createFinding({
        object,
        container,
        variable,
        // @note a ConfigMap key may hold a whole config file: then the offending token stands for it.
        value: value.length > 200 ? mention.token : value,
        rule: mention.verdict === 'live' ? 'live-broker-host' : 'alpaca-url-not-paper',
        message: `${variable} ${describeAlpacaHostMention(mention)}`,
      }),
    )
}
