import { describe, expect, it } from 'vitest'
import { describeKubeRead, KUBE_READS, kubeReadRule } from './kube-reads.ts'

describe('KUBE_READS', () => {
  it.each([
    ['readConfigMap', 'get configmaps', '{apiGroups: [""], resources: ["configmaps"], verbs: ["get"]}'],
    ['listDeployments', 'list deployments.apps', '{apiGroups: ["apps"], resources: ["deployments"], verbs: ["list"]}'],
    ['listCronJobs', 'list cronjobs.batch', '{apiGroups: ["batch"], resources: ["cronjobs"], verbs: ["list"]}'],
    ['proxyGet', 'get services/proxy', '{apiGroups: [""], resources: ["services/proxy"], verbs: ["get"]}'],
  ] as const)('%s is "%s", granted by %s', (name, said, rule) => {
    expect(describeKubeRead(KUBE_READS[name])).toBe(said)
    expect(kubeReadRule(KUBE_READS[name])).toBe(rule)
  })

  it('never reads Secrets and never writes', () => {
    for (const read of Object.values(KUBE_READS)) {
      expect(read.resource).not.toBe('secrets')
      expect(['get', 'list']).toContain(read.verb)
    }
  })
})
