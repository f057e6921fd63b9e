import { describe, expect, it } from 'vitest'
import { formatPythonFloat } from './python-float.ts'

describe('formatPythonFloat', () => {
  // Expected strings are what CPython 3.11 prints for str(float(x)).
  it.each([
    [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [-1, '-1.0'], [1.5, '1.5'], [120, '120.0'], [0.1, '0.1'],
    [1.6689300537109375e-6, '1.6689300537109375e-06'], [0.0001, '0.0001'], [0.00001, '1e-05'],
    [1e15, '1000000000000000.0'], [1e16, '1e+16'], [123456789012345680, '1.2345678901234568e+17'],
    [1768391424.562, '1768391424.562'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [2.5e-7, '2.5e-07'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'],
  ])('writes %d as %s', (value, text) => {
    expect(formatPythonFloat(value)).toBe(text)
  })
})
