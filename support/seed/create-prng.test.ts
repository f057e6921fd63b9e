import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPrng } from './create-prng.ts'

describe('createPrng', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createPrng(seed).next)
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('draws integers in [min, max], both ends reachable', () => {
    const prng = createPrng(7)
    const seen = new Set(Array.from({ length: 2_000 }, () => prng.int(0, 3)))
    expect([...seen].sort()).toEqual([0, 1, 2, 3])
  })

  it('keeps uniform() in [min, max)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (seed, min, span) => {
        const value = createPrng(seed).uniform(min, min + span)
        expect(value).toBeGreaterThanOrEqual(min)
        expect(value).toBeLessThanOrEqual(min + span)
      }),
    )
  })

  it('follows weights', () => {
    const prng = createPrng(1)
    const draws = Array.from({ length: 10_000 }, () => prng.weighted(['ask', 'bid', 'mid'], [0.6, 0.2, 0.2]))
    const share = draws.filter((side) => side === 'ask').length / draws.length
    expect(share).toBeGreaterThan(0.57)
    expect(share).toBeLessThan(0.63)
  })
})
