import type { KubeObject } from '../kube-object.ts'
import { getApiVersion, type KubeResourceType } from '../kube-resource-types.ts'
import { isJsonObject, mergePatch } from '../merge-patch.ts'
import { applyJsonPatch, JsonPatchError } from './json-patch.ts'
import { conflictStatus, createKubeStatus, KubeStatusError } from './kube-status.ts'

/** The patch media types the emulator accepts (server-side apply is not among them). */
export const PATCH_CONTENT_TYPES = Object.freeze([
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
] as const)

/**
 * Applies a PATCH body to a copy of `current` the way the API server would, without committing it.
 * A `metadata.resourceVersion` left in the result that differs from the current one is a 409 Conflict.
 * @throws KubeStatusError 400, 409, 415 or 422 with the Status to answer.
 */
export function patchKubeObject(current: KubeObject, type: KubeResourceType, contentType: string, body: string): KubeObject {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  if (!(PATCH_CONTENT_TYPES as readonly string[]).includes(mediaType)) {
    throw new KubeStatusError(createKubeStatus(
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${PATCH_CONTENT_TYPES.join(', ')}`,
    ))
  }
  const patch = parseBody(body)
  const patched = applyPatch(current, type, mediaType, patch)
  const target = { resource: type.plural, group: type.group, name: current.metadata.name }
  if (!isJsonObject(patched) || !isJsonObject(patched.metadata)) {
    throw new KubeStatusError(createKubeStatus('Invalid', `${type.kind} "${current.metadata.name}" is invalid: metadata: Required value`, target))
  }
  const result = patched as KubeObject
  for (const field of ['name', 'namespace'] as const) {
    if (result.metadata[field] !== current.metadata[field]) {
      throw new KubeStatusError(createKubeStatus(
        'Invalid',
        `${type.kind} "${current.metadata.name}" is invalid: metadata.${field}: Invalid value: ${JSON.stringify(result.metadata[field])}: field is immutable`,
        target,
      ))
    }
  }
  const sentVersion = result.metadata.resourceVersion
  if (sentVersion !== undefined && sentVersion !== current.metadata.resourceVersion) {
    throw new KubeStatusError(conflictStatus(target))
  }
  if (type.kind === 'ConfigMap') checkConfigMapData(result)
  // @note the server owns these: a patch cannot change them.
  return {
    ...result,
    apiVersion: getApiVersion(type),
    kind: type.kind,
    metadata: {
      ...result.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      resourceVersion: current.metadata.resourceVersion,
    },
  }
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch (error) {
    throw new KubeStatusError(createKubeStatus('BadRequest', `error decoding patch: ${(error as Error).message}`))
  }
}

function applyPatch(current: KubeObject, type: KubeResourceType, mediaType: string, patch: unknown): unknown {
  if (mediaType === 'application/json-patch+json') {
    try {
      return applyJsonPatch(current, patch)
    } catch (error) {
      if (!(error instanceof JsonPatchError)) throw error
      throw new KubeStatusError(createKubeStatus('Invalid', `the server rejected our request due to an error in our request: ${error.message}`))
    }
  }
  if (!isJsonObject(patch)) {
    throw new KubeStatusError(createKubeStatus('BadRequest', 'error decoding patch: a merge patch must be a JSON object'))
  }
  if (mediaType === 'application/strategic-merge-patch+json' && needsStrategicMerge(patch)) {
    // @note a strategic merge patch equals a merge patch unless it holds lists or `$` directives; we do not emulate those.
    throw new KubeStatusError(createKubeStatus(
      'UnsupportedMediaType',
      `the openbell kube-api emulator applies a strategic merge patch to ${type.plural} only when it holds no lists and no "$" directives; send it as application/merge-patch+json (kubectl patch --type merge)`,
    ))
  }
  return mergePatch(current, patch)
}

function needsStrategicMerge(value: unknown): boolean {
  if (Array.isArray(value)) return true
  if (!isJsonObject(value)) return false
  return Object.entries(value).some(([key, inner]) => key.startsWith('$') || needsStrategicMerge(inner))
}

function checkConfigMapData(object: KubeObject): void {
  const data = object.data
  if (data === undefined) return
  const bad = isJsonObject(data) ? Object.entries(data).find(([, value]) => typeof value !== 'string') : ['', data]
  if (bad) {
    throw new KubeStatusError(createKubeStatus(
      'BadRequest',
      `ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal ${typeof bad[1]} into Go struct field ConfigMap.data of type string`,
    ))
  }
}
