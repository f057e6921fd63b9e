import type { V1ConfigMap, V1Container, V1CronJob, V1Deployment, V1EnvVar, V1PodSpec } from '@kubernetes/client-node'

/**
 * Small hand-written Kubernetes objects for the posture tests: a Deployment in `trading-floor` with one container
 * named `main` unless told otherwise.
 */
export function deployment(name: string, env: V1EnvVar[], options: { replicas?: number; container?: Partial<V1Container>; pod?: Partial<V1PodSpec> } = {}): V1Deployment {
  return {
    kind: 'Deployment',
    metadata: { name, namespace: 'trading-floor' },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: { spec: { containers: [{ name: 'main', env, ...options.container }], ...options.pod } },
    },
  }
}

/** A CronJob in `trading-floor` with one container named `main`. */
export function cronJob(name: string, env: V1EnvVar[], suspend = false): V1CronJob {
  return {
    kind: 'CronJob',
    metadata: { name, namespace: 'trading-floor' },
    spec: { schedule: '* * * * *', suspend, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'main', env }] } } } } },
  }
}

/** A ConfigMap in `trading-floor`. */
export function configMap(name: string, data: Record<string, string>, namespace = 'trading-floor'): V1ConfigMap {
  return { kind: 'ConfigMap', metadata: { name, namespace }, data }
}

/** `{ name, value }`. */
export function literal(name: string, value: string): V1EnvVar {
  return { name, value }
}

/** `{ name, valueFrom: { configMapKeyRef } }`. */
export function fromConfigMap(name: string, configMapName: string, key = name, optional?: boolean): V1EnvVar {
  return { name, valueFrom: { configMapKeyRef: { name: configMapName, key, ...(optional === undefined ? {} : { optional }) } } }
}

/** `{ name, valueFrom: { secretKeyRef } }`. */
export function fromSecret(name: string, secretName: string, key = name): V1EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } }
}
