/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: unknown }

/** Whether a value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Applies a JSON merge patch (RFC 7386) and returns a new value; `target` is not modified.
 * `null` deletes a member, objects merge recursively, anything else (arrays too) replaces.
 * @see https://www.rfc-editor.org/rfc/rfc7386
 * @example mergePatch({ data: { A: '1', B: '2' } }, { data: { A: '0', B: null } }) // { data: { A: '0' } }
 */
export function mergePatch<T = unknown>(target: unknown, patch: unknown): T {
  return applyMergePatch(structuredClone(target), patch) as T
}

function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return structuredClone(patch)
  const result: JsonObject = isJsonObject(target) ? target : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = applyMergePatch(result[key], value)
  }
  return result
}
