import { describe, expect, it } from 'vitest'
import { capEvidence, EVIDENCE_MAX_BYTES } from './cap-evidence.ts'

describe('capEvidence: no evidence file is larger than EVIDENCE_MAX_BYTES', () => {
  it('keeps content that fits as it is', () => {
    expect(capEvidence('{"items":[]}\n', 'pods.json')).toBe('{"items":[]}\n')
  })

  it.each([
    ['pods.json', `[${'{"metadata":{"name":"p\\"q"}},'.repeat(600_000)}{}]`],
    ['body.prom', `up 1\n${'x'.repeat(EVIDENCE_MAX_BYTES * 3)}`],
    ['body.txt', 'é'.repeat(EVIDENCE_MAX_BYTES)],
  ])('cuts %s, says so with the sizes, and keeps its start', (name, content) => {
    const capped = capEvidence(content, name)
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(EVIDENCE_MAX_BYTES)
    expect(capped).toContain(`it was ${Buffer.byteLength(content)} bytes, more than the ${EVIDENCE_MAX_BYTES}`)
    const start = name.endsWith('.json') ? (JSON.parse(capped) as { start: string }).start : capped.split('\n').slice(1, -2).join('\n')
    expect(start.length).toBeGreaterThan(EVIDENCE_MAX_BYTES / 8)
    expect(content.startsWith(start)).toBe(true)
  })
})
