import { describe, expect, it } from 'vitest'
import { deepFreeze } from './deep-freeze.ts'

describe('deepFreeze', () => {
  it('freezes every nested object and array, so nothing can be assigned, added or pushed (strict mode throws)', () => {
    const value = deepFreeze({ a: 1, nested: { b: [{ c: 'x' }] } })
    expect(() => ((value as { a: number }).a = 2)).toThrow(TypeError)
    expect(() => ((value.nested as { extra?: number }).extra = 1)).toThrow(TypeError)
    expect(() => (value.nested.b as { c: string }[]).push({ c: 'y' })).toThrow(TypeError)
    expect(() => ((value.nested.b[0] as { c: string }).c = 'y')).toThrow(TypeError)
    expect(value).toEqual({ a: 1, nested: { b: [{ c: 'x' }] } })
  })

  it('returns primitives and null as they are', () => {
    expect(deepFreeze(null)).toBeNull()
    expect(deepFreeze('text')).toBe('text')
  })
})
