import { UsageError } from '../../../support/errors.ts'
import { kubeObjectSchema, type KubeObject } from '../kube-object.ts'

/**
 * Checks the minimal shape of an object (apiVersion, kind, metadata.name).
 * @throws UsageError naming the source and every problem.
 */
export function validateKubeObject(value: unknown, source: string): KubeObject {
  const result = kubeObjectSchema.safeParse(value)
  if (result.success) return result.data as KubeObject
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new UsageError(
    `${source} is not a Kubernetes object: ${problems.join('; ')}. Every object needs apiVersion, kind and metadata.name.`,
  )
}
