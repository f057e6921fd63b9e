import { describe, expect, it } from 'vitest'
import { UsageError } from '../../support/errors.ts'
import { formatKubeTime, renderRelativeTime, renderRelativeTimes } from './render-relative-times.ts'

const NOW = new Date('2026-02-05T14:30:15.789Z')

describe('renderRelativeTime', () => {
  it.each([
    ['{{now}}', '2026-02-05T14:30:15Z'],
    ['{{now-2h}}', '2026-02-05T12:30:15Z'],
    ['{{now-5m}}', '2026-02-05T14:25:15Z'],
    ['{{now-30s}}', '2026-02-05T14:29:45Z'],
    ['{{now+1d}}', '2026-02-06T14:30:15Z'],
    ['{{ now-3h+21s }}', '2026-02-05T11:30:36Z'],
    ['{{now-1h-30m}}', '2026-02-05T13:00:15Z'],
    ['started {{now-1h}}, seen {{now}}', 'started 2026-02-05T13:30:15Z, seen 2026-02-05T14:30:15Z'],
    ['no placeholder', 'no placeholder'],
  ])('%j → %j', (text, expected) => {
    expect(renderRelativeTime(text, NOW)).toBe(expected)
  })

  it.each(['{{now-2x}}', '{{later}}', '{{now-}}', '{{}}'])('rejects %j with a UsageError that shows the syntax', (text) => {
    expect(() => renderRelativeTime(text, NOW)).toThrow(new UsageError(
      `unknown time placeholder ${JSON.stringify(text)}. Expected "{{now}}" or an offset from it with units s, m, h or d, such as "{{now-2h}}", "{{now-5m}}" or "{{now+30s}}".`,
    ))
  })
})

describe('renderRelativeTimes', () => {
  it('renders strings anywhere in a value and leaves other values alone', () => {
    const input = { a: ['{{now-1m}}', 1, null, true], b: { c: '{{now}}' } }
    expect(renderRelativeTimes(input, NOW)).toEqual({ a: ['2026-02-05T14:29:15Z', 1, null, true], b: { c: '2026-02-05T14:30:15Z' } })
    expect(input.b.c).toBe('{{now}}')
  })
})

describe('formatKubeTime', () => {
  it('writes RFC 3339 in UTC with whole seconds, as the API does', () => {
    expect(formatKubeTime(NOW)).toBe('2026-02-05T14:30:15Z')
  })
})
