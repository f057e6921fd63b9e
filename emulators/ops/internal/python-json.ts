import { formatPythonFloat } from './python-float.ts'

/** A Python `float` in a JSON body: written `0.0`, `120.0`, where a JS number would be `0`, `120`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A JSON value as Python holds it: `number` is a Python `int`, {@link PyFloat} a `float`. */
export type PyJson = null | boolean | number | string | PyFloat | readonly PyJson[] | { readonly [key: string]: PyJson }

/** Writes JSON as `json.dumps(value, separators=(",", ":"), ensure_ascii=False)` does (FastAPI's JSONResponse). */
export function dumpsPythonJson(value: PyJson): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : formatPythonFloat(value)
  if (value instanceof PyFloat) return formatJsonFloat(value.value)
  if (Array.isArray(value)) return `[${value.map(dumpsPythonJson).join(',')}]`
  const entries = Object.entries(value as { readonly [key: string]: PyJson })
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${dumpsPythonJson(item)}`).join(',')}}`
}

function formatJsonFloat(value: number): string {
  // @note json.dumps writes non-finite floats as JavaScript literals, not as str(float).
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  return formatPythonFloat(value)
}
