import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.ts'
import { pythonUtcIsoformat } from './seed-sentiment-sectors.ts'
import { resolveSeedOptions } from './seed-whale-trades.ts'

describe('resolveSeedOptions', () => {
  it('applies the seeder’s defaults', () => {
    expect(resolveSeedOptions({ tenantId: 't' })).toEqual({ tenantId: 't', trades: 50, goldenSweeps: 5, batchSize: 500, concurrency: 4 })
  })

  it.each([
    { options: { tenantId: 't', batchSize: 501 }, message: 'seeding: batchSize is invalid (Too big: expected number to be <=500).' },
    { options: { tenantId: 't', trades: -1 }, message: 'seeding: trades is invalid (Too small: expected number to be >=0).' },
    { options: { tenantId: 't', concurrency: 0 }, message: 'seeding: concurrency is invalid (Too small: expected number to be >=1).' },
    { options: { tenantId: '' }, message: 'seeding: tenantId is invalid (Too small: expected string to have >=1 characters).' },
  ])('rejects $options', ({ options, message }) => {
    expect(() => resolveSeedOptions(options)).toThrow(new UsageError(message))
  })
})

describe('pythonUtcIsoformat', () => {
  it('writes what datetime.utcnow().isoformat() writes: naive, microseconds', () => {
    expect(pythonUtcIsoformat(new Date('2026-02-05T12:00:00.123Z'))).toBe('2026-02-05T12:00:00.123000')
  })
})
