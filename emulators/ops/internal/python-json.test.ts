import { describe, expect, it } from 'vitest'
import { dumpsPythonJson, PyFloat } from './python-json.ts'

describe('dumpsPythonJson', () => {
  it.each([
    [{ a: new PyFloat(0), b: 60, c: null, d: [true, 'é"'] }, '{"a":0.0,"b":60,"c":null,"d":[true,"é\\""]}'],
    [new PyFloat(120), '120.0'],
    [new PyFloat(1768399200.5), '1768399200.5'],
    [new PyFloat(Infinity), 'Infinity'],
    [2.5, '2.5'],
  ])('writes %j as %s', (value, text) => {
    expect(dumpsPythonJson(value)).toBe(text)
  })
})
