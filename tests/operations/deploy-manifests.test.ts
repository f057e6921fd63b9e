import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, stringify } from 'yaml'
import { KUBE_READS } from '../../support/gates/kube-reads.ts'
import { KILL_SWITCH } from '../../support/posture/kill-switch-value.ts'
import { GATE_KUBE_READS } from '../../support/gates/gate-registry.ts'
import { KIND_SCHEMAS, type ManifestKind } from './kube-manifest-schemas.ts'

/** Issue 9: the in-cluster run as manifests. No API server here: they are parsed, schema-checked and compared with the code. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DEPLOY = path.join(ROOT, 'deploy')
const KUBECTL = '/usr/bin/kubectl'
const PROMTOOL = '/usr/bin/promtool'

type Manifest = { kind: ManifestKind; metadata: { name?: string; generateName?: string; namespace: string }; [key: string]: any }

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(DEPLOY, file), 'utf8')).map((document) => {
    expect(document.errors, file).toEqual([])
    return document.toJS() as Manifest
  })
}
const files = readdirSync(DEPLOY).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
const manifests = files.flatMap((file) => load(file).map((manifest) => ({ file, manifest })))
const find = (kind: ManifestKind, name: string) => manifests.find(({ manifest }) => manifest.kind === kind && manifest.metadata.name === name)?.manifest
/** RBAC rules as `group|resource|verb` triples. */
const triples = (rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[]) =>
  rules.flatMap((rule) => rule.apiGroups.flatMap((group) => rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${group}|${resource}|${verb}`)))).sort()

describe('deploy/', () => {
  it.each(manifests.map(({ file, manifest }) => [`${file}: ${manifest.kind} ${manifest.metadata.name ?? manifest.metadata.generateName}`, manifest] as const))(
    '%s matches the schema of its kind and lives in trading-floor',
    (_, manifest) => {
      expect(Object.keys(KIND_SCHEMAS)).toContain(manifest.kind)
      const result = KIND_SCHEMAS[manifest.kind].safeParse(manifest)
      expect(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([])
      expect(manifest.metadata.namespace).toBe('trading-floor')
    },
  )

  it('grants the runbook exactly the reads its gates make: no more, no less, nothing on Secrets', () => {
    const role = find('Role', 'openbell-reader')
    const used = [...new Set(Object.values(GATE_KUBE_READS).flat())].map((name) => {
      const read = KUBE_READS[name]
      return `${read.group}|${'subresource' in read ? `${read.resource}/${read.subresource}` : read.resource}|${read.verb}`
    })
    expect(triples(role?.rules ?? [])).toEqual([...new Set(used)].sort())
    expect(JSON.stringify(role)).not.toMatch(/secrets|"\*"/)
  })

  it('binds the reader Role to the openbell ServiceAccount only', () => {
    expect(find('ServiceAccount', 'openbell')).toBeDefined()
    expect(find('RoleBinding', 'openbell-reader')).toMatchObject({
      roleRef: { kind: 'Role', name: 'openbell-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'openbell', namespace: 'trading-floor' }],
    })
  })

  it('lets `openbell halt` get and patch the kill-switch ConfigMap and nothing else, and not from the ServiceAccount', () => {
    expect(find('Role', 'openbell-halt')?.rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: [KILL_SWITCH.configMap], verbs: ['get', 'patch'] },
    ])
    const binding = find('RoleBinding', 'openbell-halt')
    expect(binding?.roleRef.name).toBe('openbell-halt')
    expect(binding?.subjects.some((subject: { kind: string; name: string }) => subject.kind === 'ServiceAccount')).toBe(false)
  })

  it('runs `openbell test --env=cluster` in the Job and the CronJob with the same pod, reports on the PersistentVolumeClaim', () => {
    const job = manifests.find(({ manifest }) => manifest.kind === 'Job')?.manifest
    const cronJob = find('CronJob', 'openbell-pre-open')
    expect(cronJob?.spec.jobTemplate.spec).toEqual(job?.spec)
    const pod = job?.spec.template.spec
    const [container] = pod.containers
    expect(container.args).toEqual(['test', '--env=cluster', '--reports=/reports'])
    const reports = container.volumeMounts.find((mount: { mountPath: string }) => mount.mountPath === '/reports')
    // Issue 16: the run folders outlive the pod, so history and the comparison work in the cluster.
    expect(pod.volumes.find((volume: { name: string }) => volume.name === reports?.name)).toEqual({ name: 'reports', persistentVolumeClaim: { claimName: 'openbell-reports' } })
    const claim = find('PersistentVolumeClaim', 'openbell-reports')
    expect(claim?.spec.resources.requests.storage).toBe('2Gi')
    expect(readFileSync(path.join(DEPLOY, 'reports-pvc.yaml'), 'utf8')).toMatch(/Retention: keep at least 400 days/)
    expect(pod.securityContext.runAsUser).not.toBe(0)
  })

  it('schedules the CronJob before the open in New York time', () => {
    expect(find('CronJob', 'openbell-pre-open')?.spec).toMatchObject({ schedule: '30 8 * * 1-5', timeZone: 'America/New_York', concurrencyPolicy: 'Forbid' })
  })

  it("pins the image to the package's version, never latest, in the manifests and the kustomization", () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string
    for (const manifest of [find('CronJob', 'openbell-pre-open')?.spec.jobTemplate, manifests.find(({ manifest }) => manifest.kind === 'Job')?.manifest]) {
      expect(manifest?.spec.template.spec.containers[0].image).toBe(`ghcr.io/agenttrader/openbell:${version}`)
    }
    const kustomization = load('kustomization.yaml')[0] as unknown as { images: { name: string; newTag: string }[]; resources: string[] }
    expect(kustomization.images).toEqual([{ name: 'ghcr.io/agenttrader/openbell', newTag: version }])
    expect(kustomization.resources.sort()).toEqual(files.filter((file) => file !== 'job.yaml' && !file.startsWith('watch-')).sort())
    expect(find('Deployment', 'openbell-watch')?.spec.template.spec.containers[0].image).toBe(`ghcr.io/agenttrader/openbell:${version}`)
  })

  it('lets the runbook pods reach only DNS, the API server, public HTTPS (Firestore, Alpaca paper) and the metadata server; nothing reaches them', () => {
    const policy = find('NetworkPolicy', 'openbell-egress')
    const job = manifests.find(({ manifest }) => manifest.kind === 'Job')?.manifest
    const cronJob = find('CronJob', 'openbell-pre-open')
    // The Job's, the CronJob's and a future watch Deployment's pods share app.kubernetes.io/name=openbell.
    for (const labels of [job?.spec.template.metadata.labels, cronJob?.spec.jobTemplate.spec.template.metadata.labels]) {
      expect(labels).toMatchObject(policy?.spec.podSelector.matchLabels)
    }
    expect(policy?.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'openbell' })
    expect(policy?.spec.policyTypes).toEqual(['Ingress', 'Egress'])
    expect(policy?.spec.ingress).toEqual([])
    type Rule = { to: { ipBlock?: { cidr: string; except?: string[] }; namespaceSelector?: unknown; podSelector?: unknown }[]; ports: { protocol: string; port: number }[] }
    const rules = (policy?.spec.egress ?? []) as Rule[]
    const allowed = rules.flatMap((rule) => rule.to.flatMap((peer) => rule.ports.map((port) => `${peer.ipBlock?.cidr ?? 'kube-dns'} ${port.protocol}/${port.port}`)))
    expect(allowed.sort()).toEqual([
      '0.0.0.0/0 TCP/443', '169.254.169.252/32 TCP/988', '169.254.169.254/32 TCP/80', '192.0.2.10/32 TCP/443', '192.0.2.10/32 TCP/6443',
      'kube-dns TCP/53', 'kube-dns UDP/53',
    ])
    expect(rules.flatMap((rule) => rule.to).find((peer) => peer.namespaceSelector)).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    })
    // Public HTTPS only: the cluster's own networks and the link-local range stay closed on 443.
    const publicHttps = rules.flatMap((rule) => rule.to).find((peer) => peer.ipBlock?.cidr === '0.0.0.0/0')
    expect(publicHttps?.ipBlock?.except).toEqual(expect.arrayContaining(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16']))
  })

  it('runs the guardian as one read-only replica whose metrics a Service and Prometheus reach, halting only where opted in', () => {
    const deployment = find('Deployment', 'openbell-watch')
    const pod = deployment?.spec.template.spec
    const [container] = pod.containers
    expect(container.args).toEqual(['watch', '--env=cluster', '--reports=/reports', '--metrics-host=0.0.0.0', '--metrics-port=9464'])
    // The same pod as the pre-open Job: settings, reports on the claim, non-root, and the label the egress policy selects.
    const job = manifests.find(({ manifest }) => manifest.kind === 'Job')?.manifest
    expect(container.env).toEqual(job?.spec.template.spec.containers[0].env)
    expect(pod.volumes).toEqual(job?.spec.template.spec.volumes)
    expect(deployment?.spec.template.metadata.labels).toMatchObject(find('NetworkPolicy', 'openbell-egress')?.spec.podSelector.matchLabels)
    expect(deployment?.spec.selector.matchLabels).toEqual(deployment?.spec.template.metadata.labels)
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'metrics' })
    const service = find('Service', 'openbell-watch-metrics')
    expect(service?.spec.selector).toEqual(deployment?.spec.template.metadata.labels)
    expect(service?.spec.ports).toEqual([{ name: 'metrics', port: 9464, targetPort: 'metrics', protocol: 'TCP' }])
    expect(find('NetworkPolicy', 'openbell-watch-metrics')?.spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9464 }] },
    ])
    // Follows with list and watch only; the halt binding for the ServiceAccount is a file of its own, opted into.
    expect(triples(find('Role', 'openbell-watcher')?.rules ?? []).every((triple) => /\|(list|watch)$/.test(triple))).toBe(true)
    expect(find('RoleBinding', 'openbell-watcher')?.subjects).toEqual([{ kind: 'ServiceAccount', name: 'openbell', namespace: 'trading-floor' }])
    const haltBindings = manifests.filter(({ manifest }) => manifest.kind === 'RoleBinding' && manifest.roleRef.name === 'openbell-halt' && manifest.subjects.some((subject: { kind: string }) => subject.kind === 'ServiceAccount'))
    expect(haltBindings.map(({ file }) => file)).toEqual(['watch-halt-rbac.yaml'])
    expect(container.args).not.toContain('--halt-on-fail')
  })

  it('alerts on NO-GO for 1 minute and on no evaluation for 5 minutes, with rules promtool accepts (skipped without promtool)', () => {
    const rules = find('PrometheusRule', 'openbell-watch')?.spec.groups.flatMap((group: { rules: unknown[] }) => group.rules)
    expect(rules).toEqual([
      expect.objectContaining({ alert: 'OpenbellNoGo', expr: expect.stringContaining('openbell_go'), for: '1m' }),
      expect.objectContaining({ alert: 'OpenbellWatchStalled', expr: expect.stringContaining('openbell_last_evaluation_timestamp_seconds'), for: '5m' }),
    ])
    if (!existsSync(PROMTOOL)) return console.warn(`promtool not found at ${PROMTOOL}: the rule expressions were not checked`)
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openbell-rules-')), 'rules.yaml')
    writeFileSync(file, stringify({ groups: find('PrometheusRule', 'openbell-watch')?.spec.groups }))
    expect(execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' })).toMatch(/SUCCESS: 2 rules found/)
  })

  it.skipIf(!existsSync(KUBECTL))('builds with `kubectl kustomize` (offline; skipped without kubectl)', () => {
    const built = parseAllDocuments(execFileSync(KUBECTL, ['kustomize', DEPLOY], { encoding: 'utf8' })).map((document) => document.toJS() as Manifest)
    expect(built.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).sort()).toEqual([
      'ConfigMap/openbell-settings', 'CronJob/openbell-pre-open', 'NetworkPolicy/openbell-egress', 'PersistentVolumeClaim/openbell-reports', 'Role/openbell-halt', 'Role/openbell-reader',
      'RoleBinding/openbell-halt', 'RoleBinding/openbell-reader', 'ServiceAccount/openbell',
    ])
  })
})
