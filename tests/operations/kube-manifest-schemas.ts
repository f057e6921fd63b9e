import { z } from 'zod'

/**
 * Small zod schemas for the kinds in deploy/: the fields openbell's manifests use, strictly, so a typo in a field
 * name or a value of the wrong type fails the test (there is no API server here to validate against).
 */
const name = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
const metadata = z.strictObject({
  name: name.optional(),
  generateName: z.string().regex(/^[a-z0-9][-a-z0-9]*-$/).optional(),
  namespace: name,
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
})

const ruleSchema = z.strictObject({
  apiGroups: z.array(z.string()).min(1),
  resources: z.array(z.string().min(1)).min(1),
  resourceNames: z.array(z.string().min(1)).optional(),
  verbs: z.array(z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'])).min(1),
})

const envVar = z.strictObject({
  name: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
  value: z.string().optional(),
  valueFrom: z.strictObject({ configMapKeyRef: z.strictObject({ name, key: z.string(), optional: z.boolean().optional() }) }).optional(),
})

const container = z.strictObject({
  name,
  image: z.string().regex(/^[a-z0-9.-]+(\/[a-z0-9._-]+)+:[A-Za-z0-9._-]+$/, 'must name a registry, a repository and a tag'),
  imagePullPolicy: z.enum(['IfNotPresent', 'Always', 'Never']),
  args: z.array(z.string()),
  env: z.array(envVar),
  securityContext: z.strictObject({
    allowPrivilegeEscalation: z.literal(false),
    readOnlyRootFilesystem: z.literal(true),
    privileged: z.literal(false),
    capabilities: z.strictObject({ drop: z.tuple([z.literal('ALL')]) }),
  }),
  resources: z.strictObject({
    requests: z.strictObject({ cpu: z.string(), memory: z.string() }),
    limits: z.strictObject({ memory: z.string() }),
  }),
  volumeMounts: z.array(z.strictObject({ name, mountPath: z.string().startsWith('/'), readOnly: z.boolean().optional() })),
  ports: z.array(z.strictObject({ name, containerPort: z.number().int().min(1).max(65535), protocol: z.literal('TCP') })).optional(),
  livenessProbe: z.strictObject({
    httpGet: z.strictObject({ path: z.string().startsWith('/'), port: z.union([name, z.number().int()]) }),
    initialDelaySeconds: z.number().int().nonnegative(),
    periodSeconds: z.number().int().positive(),
    failureThreshold: z.number().int().positive(),
  }).optional(),
})

const podSecurityContext = z.strictObject({
  runAsNonRoot: z.literal(true),
  runAsUser: z.number().int().positive(),
  runAsGroup: z.number().int().positive(),
  fsGroup: z.number().int().positive(),
  seccompProfile: z.strictObject({ type: z.literal('RuntimeDefault') }),
})
const podVolumes = z.array(z.union([
  z.strictObject({ name, emptyDir: z.strictObject({ sizeLimit: z.string() }) }),
  z.strictObject({ name, persistentVolumeClaim: z.strictObject({ claimName: name }) }),
]))

/** The pod template of the runbook Job: non-root, read-only root, reports on a PersistentVolumeClaim, /tmp on an emptyDir. */
export const podTemplateSchema = z.strictObject({
  metadata: z.strictObject({ labels: z.record(z.string(), z.string()) }),
  spec: z.strictObject({
    serviceAccountName: z.literal('openbell'),
    automountServiceAccountToken: z.literal(true),
    restartPolicy: z.literal('Never'),
    securityContext: z.strictObject({
      runAsNonRoot: z.literal(true),
      runAsUser: z.number().int().positive(),
      runAsGroup: z.number().int().positive(),
      fsGroup: z.number().int().positive(),
      seccompProfile: z.strictObject({ type: z.literal('RuntimeDefault') }),
    }),
    containers: z.array(container).length(1),
    volumes: z.array(z.union([
      z.strictObject({ name, emptyDir: z.strictObject({ sizeLimit: z.string() }) }),
      z.strictObject({ name, persistentVolumeClaim: z.strictObject({ claimName: name }) }),
    ])),
  }),
})

const jobSpec = z.strictObject({
  backoffLimit: z.literal(0),
  activeDeadlineSeconds: z.number().int().positive(),
  ttlSecondsAfterFinished: z.number().int().positive(),
  template: podTemplateSchema,
})

const labelSelector = z.strictObject({ matchLabels: z.record(z.string(), z.string()) })

/** The guardian's Deployment (`openbell watch`): one replica, never two at once, the same hardened pod as the Job. */
const deploymentSpec = z.strictObject({
  replicas: z.literal(1),
  strategy: z.strictObject({ type: z.literal('Recreate') }),
  selector: labelSelector,
  template: z.strictObject({
    metadata: z.strictObject({ labels: z.record(z.string(), z.string()) }),
    spec: z.strictObject({
      serviceAccountName: z.literal('openbell'),
      automountServiceAccountToken: z.literal(true),
      restartPolicy: z.literal('Always'),
      terminationGracePeriodSeconds: z.number().int().positive(),
      securityContext: podSecurityContext,
      containers: z.array(container).length(1),
      volumes: podVolumes,
    }),
  }),
})

const alertRule = z.strictObject({
  alert: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  expr: z.string().min(1),
  for: z.string().regex(/^\d+[smh]$/),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
})
const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'must be an IPv4 CIDR')
const networkPolicyPeer = z.union([
  z.strictObject({ namespaceSelector: labelSelector, podSelector: labelSelector.optional() }),
  z.strictObject({ podSelector: labelSelector }),
  z.strictObject({ ipBlock: z.strictObject({ cidr, except: z.array(cidr).optional() }) }),
])
const networkPolicyPort = z.strictObject({ protocol: z.enum(['TCP', 'UDP', 'SCTP']), port: z.number().int().min(1).max(65535) })

/** One schema per kind in deploy/. */
export const KIND_SCHEMAS = {
  PersistentVolumeClaim: z.strictObject({
    apiVersion: z.literal('v1'),
    kind: z.literal('PersistentVolumeClaim'),
    metadata,
    spec: z.strictObject({
      accessModes: z.array(z.enum(['ReadWriteOnce', 'ReadWriteMany', 'ReadWriteOncePod'])).min(1),
      resources: z.strictObject({ requests: z.strictObject({ storage: z.string().regex(/^\d+(Mi|Gi)$/) }) }),
      storageClassName: z.string().optional(),
    }),
  }),
  ServiceAccount: z.strictObject({ apiVersion: z.literal('v1'), kind: z.literal('ServiceAccount'), metadata }),
  ConfigMap: z.strictObject({ apiVersion: z.literal('v1'), kind: z.literal('ConfigMap'), metadata, data: z.record(z.string(), z.string()) }),
  Role: z.strictObject({ apiVersion: z.literal('rbac.authorization.k8s.io/v1'), kind: z.literal('Role'), metadata, rules: z.array(ruleSchema).min(1) }),
  RoleBinding: z.strictObject({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('RoleBinding'),
    metadata,
    roleRef: z.strictObject({ apiGroup: z.literal('rbac.authorization.k8s.io'), kind: z.literal('Role'), name }),
    subjects: z.array(
      z.union([
        z.strictObject({ kind: z.literal('ServiceAccount'), name, namespace: name }),
        z.strictObject({ kind: z.enum(['Group', 'User']), apiGroup: z.literal('rbac.authorization.k8s.io'), name: z.string().min(1) }),
      ]),
    ).min(1),
  }),
  NetworkPolicy: z.strictObject({
    apiVersion: z.literal('networking.k8s.io/v1'),
    kind: z.literal('NetworkPolicy'),
    metadata,
    spec: z.strictObject({
      podSelector: labelSelector,
      policyTypes: z.array(z.enum(['Ingress', 'Egress'])).min(1),
      ingress: z.array(z.strictObject({ from: z.array(networkPolicyPeer).min(1), ports: z.array(networkPolicyPort).min(1) })).optional(),
      // @note every egress rule names its peers and its ports: a rule without `to` or `ports` would allow everything.
      egress: z.array(z.strictObject({ to: z.array(networkPolicyPeer).min(1), ports: z.array(networkPolicyPort).min(1) })).optional(),
    }).refine((spec) => spec.policyTypes.includes('Egress') === (spec.egress !== undefined), 'egress rules go with the Egress policy type, and only with it'),
  }),
  Job: z.strictObject({ apiVersion: z.literal('batch/v1'), kind: z.literal('Job'), metadata, spec: jobSpec }),
  Deployment: z.strictObject({ apiVersion: z.literal('apps/v1'), kind: z.literal('Deployment'), metadata, spec: deploymentSpec }),
  Service: z.strictObject({
    apiVersion: z.literal('v1'),
    kind: z.literal('Service'),
    metadata,
    spec: z.strictObject({
      selector: z.record(z.string(), z.string()),
      ports: z.array(z.strictObject({ name, port: z.number().int().min(1).max(65535), targetPort: z.union([name, z.number().int()]), protocol: z.literal('TCP') })).min(1),
    }),
  }),
  PrometheusRule: z.strictObject({
    apiVersion: z.literal('monitoring.coreos.com/v1'),
    kind: z.literal('PrometheusRule'),
    metadata,
    spec: z.strictObject({ groups: z.array(z.strictObject({ name: z.string().min(1), rules: z.array(alertRule).min(1) })).min(1) }),
  }),
  CronJob: z.strictObject({
    apiVersion: z.literal('batch/v1'),
    kind: z.literal('CronJob'),
    metadata,
    spec: z.strictObject({
      schedule: z.string().regex(/^(\S+\s){4}\S+$/, 'must be a five-field cron expression'),
      timeZone: z.string().min(1),
      concurrencyPolicy: z.enum(['Forbid', 'Replace', 'Allow']),
      startingDeadlineSeconds: z.number().int().positive(),
      successfulJobsHistoryLimit: z.number().int().nonnegative(),
      failedJobsHistoryLimit: z.number().int().nonnegative(),
      jobTemplate: z.strictObject({ metadata: z.strictObject({ labels: z.record(z.string(), z.string()) }), spec: jobSpec }),
    }),
  }),
} as const

/** A kind with a schema in {@link KIND_SCHEMAS}. */
export type ManifestKind = keyof typeof KIND_SCHEMAS
