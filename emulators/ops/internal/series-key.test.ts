import { describe, expect, it } from 'vitest'
import { parseSeriesKey } from './series-key.ts'

describe('parseSeriesKey', () => {
  it.each([
    ['heartbeat_age_seconds', { name: 'heartbeat_age_seconds', labels: {} }],
    ['errors_total{}', { name: 'errors_total', labels: {} }],
    ['errors_total{component="strategy-engine"}', { name: 'errors_total', labels: { component: 'strategy-engine' } }],
    ['a{x="1", y = "2",}', { name: 'a', labels: { x: '1', y: '2' } }],
    ['a{x="q\\"\\\\\\n"}', { name: 'a', labels: { x: 'q"\\\n' } }],
  ])('reads %s', (key, series) => {
    expect(parseSeriesKey(key)).toEqual(series)
  })

  it.each(['', 'errors_total{', '1abc', 'a b', 'a{x=1}', 'a{x="1" y="2"}', 'a{x="1",x="2"}', 'a{x="\\t"}', 'a{x="\n"}', 'a\n'])(
    'refuses %j',
    (key) => {
      expect(parseSeriesKey(key)).toBeUndefined()
    },
  )
})
