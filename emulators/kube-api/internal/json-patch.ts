import { isJsonObject } from '../merge-patch.ts'

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy'
  path: string
  value?: unknown
  from?: string
}

/** A JSON patch that could not be applied; the message says which operation and why. */
export class JsonPatchError extends Error {
  override name = 'JsonPatchError'
}

/**
 * Applies a JSON patch (RFC 6902) to a copy of `document`.
 * @see https://www.rfc-editor.org/rfc/rfc6902
 * @throws JsonPatchError when an operation is malformed, a path is missing, or a `test` fails.
 */
export function applyJsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new JsonPatchError('a JSON patch must be an array of operations')
  let result = structuredClone(document)
  for (const [index, raw] of operations.entries()) {
    if (!isJsonObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw new JsonPatchError(`operation ${index} needs string "op" and "path"`)
    }
    const op = raw as unknown as JsonPatchOperation
    result = applyOne(result, op)
  }
  return result
}

function applyOne(document: unknown, op: JsonPatchOperation): unknown {
  switch (op.op) {
    case 'add':
      return put(document, op.path, structuredClone(op.value), 'add')
    case 'replace':
      get(document, op.path)
      return put(document, op.path, structuredClone(op.value), 'replace')
    case 'remove':
      return remove(document, op.path)
    case 'test':
      if (JSON.stringify(get(document, op.path)) !== JSON.stringify(op.value)) {
        throw new JsonPatchError(`testing value ${op.path} failed`)
      }
      return document
    case 'copy':
      return put(document, op.path, structuredClone(get(document, requireFrom(op))), 'add')
    case 'move': {
      const value = get(document, requireFrom(op))
      return put(remove(document, requireFrom(op)), op.path, value, 'add')
    }
    default:
      throw new JsonPatchError(`unknown operation "${String((op as { op: unknown }).op)}"`)
  }
}

function requireFrom(op: JsonPatchOperation): string {
  if (typeof op.from !== 'string') throw new JsonPatchError(`"${op.op}" needs a string "from"`)
  return op.from
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new JsonPatchError(`path "${pointer}" must start with "/"`)
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function get(document: unknown, pointer: string): unknown {
  let current = document
  for (const token of parsePointer(pointer)) {
    const container = current as Record<string, unknown>
    if (current === null || typeof current !== 'object' || !Object.hasOwn(container, token)) {
      throw new JsonPatchError(`path "${pointer}" does not exist`)
    }
    current = container[token]
  }
  return current
}

function parentOf(document: unknown, pointer: string): { parent: unknown; key: string } {
  const tokens = parsePointer(pointer)
  const key = tokens.pop()
  if (key === undefined) return { parent: undefined, key: '' }
  const prefix = tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
  return { parent: get(document, prefix), key }
}

function put(document: unknown, pointer: string, value: unknown, mode: 'add' | 'replace'): unknown {
  const { parent, key } = parentOf(document, pointer)
  if (pointer === '') return value
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key)
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new JsonPatchError(`array index "${key}" out of range in "${pointer}"`)
    }
    parent.splice(index, mode === 'add' ? 0 : 1, value)
  } else if (isJsonObject(parent)) {
    parent[key] = value
  } else {
    throw new JsonPatchError(`path "${pointer}" has no parent object`)
  }
  return document
}

function remove(document: unknown, pointer: string): unknown {
  get(document, pointer)
  const { parent, key } = parentOf(document, pointer)
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else if (isJsonObject(parent)) delete parent[key]
  return document
}
