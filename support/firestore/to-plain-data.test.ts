import { GeoPoint, Timestamp } from 'firebase-admin/firestore'
import { describe, expect, it } from 'vitest'
import { toPlainData } from './to-plain-data.ts'

describe('toPlainData', () => {
  it.each([
    { name: 'a Timestamp', value: Timestamp.fromDate(new Date('2026-02-05T14:30:00.000Z')), plain: '2026-02-05T14:30:00.000Z' },
    { name: 'a GeoPoint', value: new GeoPoint(40.7, -74), plain: { latitude: 40.7, longitude: -74 } },
    { name: 'bytes', value: new Uint8Array(3), plain: '<3 bytes>' },
    { name: 'NaN', value: Number.NaN, plain: 'NaN' },
    { name: 'Infinity', value: Number.POSITIVE_INFINITY, plain: 'Infinity' },
    { name: 'a Date', value: new Date('2026-02-05T14:30:00.000Z'), plain: '2026-02-05T14:30:00.000Z' },
    { name: 'plain values', value: { a: [1, 'x', null, true] }, plain: { a: [1, 'x', null, true] } },
    {
      name: 'nested timestamps',
      value: { trade: { timestamp: Timestamp.fromMillis(0), sizes: [Timestamp.fromMillis(1_000)] } },
      plain: { trade: { timestamp: '1970-01-01T00:00:00.000Z', sizes: ['1970-01-01T00:00:01.000Z'] } },
    },
  ])('turns $name into plain JSON', ({ value, plain }) => {
    expect(toPlainData(value)).toEqual(plain)
  })
})
