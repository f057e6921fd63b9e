import type { KubeObject } from '../kube-object.ts'
import type { KubeResourceType } from '../kube-resource-types.ts'
import { createKubeStatus, KubeStatusError } from './kube-status.ts'

/** One parsed field requirement: `<path> = value` or `<path> != value`. */
export interface FieldRequirement {
  /** The selector field as written, e.g. `status.phase`. */
  readonly field: string
  /** The object path it reads, e.g. `source.component` for the event field `source`. */
  readonly path: string
  /** Whether the value must equal (`=`/`==`) or differ (`!=`). */
  readonly equals: boolean
  /** The compared value. */
  readonly value: string
}

/**
 * Parses a `fieldSelector` for a resource type; only `metadata.name`, `metadata.namespace` and the type's own fields.
 * @throws KubeStatusError 400 BadRequest for a field the real API does not support either.
 */
export function parseFieldSelector(text: string | null | undefined, type: KubeResourceType): FieldRequirement[] {
  if (!text?.trim()) return []
  return text.split(',').map((raw) => {
    const match = raw.trim().match(/^([A-Za-z0-9._-]+)\s*(==|!=|=)\s*(.*)$/)
    if (!match) {
      throw new KubeStatusError(createKubeStatus('BadRequest', `invalid field selector: "${raw.trim()}"`))
    }
    const field = match[1]!
    const path = field === 'metadata.name' || field === 'metadata.namespace' ? field : type.fields[field]
    if (path === undefined) {
      throw new KubeStatusError(createKubeStatus('BadRequest', `field label not supported: ${field}`))
    }
    return { field, path, equals: match[2] !== '!=', value: match[3]!.trim() }
  })
}

/** Whether an object satisfies every field requirement; absent fields read as `""`. */
export function matchesFieldSelector(requirements: readonly FieldRequirement[], object: KubeObject): boolean {
  return requirements.every(({ path, equals, value }) => (readField(object, path) === value) === equals)
}

function readField(object: KubeObject, path: string): string {
  let current: unknown = object
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return ''
    current = (current as Record<string, unknown>)[key]
  }
  return current === undefined || current === null ? '' : String(current)
}
