import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EVIDENCE_MAX_BYTES } from '../../support/worker/cap-evidence.ts'
import { KUBE_READ_LIMITS, KUBE_WATCH_LIMITS } from '../../support/kube/kube-read-limits.ts'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const MiB = 1024 * 1024

describe('README "Limits of the Kubernetes reads" says what the code does', () => {
  it.each([
    ['items per page of a list (`limit`)', String(KUBE_READ_LIMITS.pageSize)],
    ['pages of one list', String(KUBE_READ_LIMITS.maxPages)],
    ['response body of one read, all pages together', `${KUBE_READ_LIMITS.maxBytes / MiB} MiB`],
    ['one event of a watch (`openbell watch`)', `${KUBE_WATCH_LIMITS.maxEventBytes / MiB} MiB`],
    ['objects one kind\'s watch holds (`openbell watch`)', String(KUBE_WATCH_LIMITS.maxObjects)],
    ['one evidence file', `${EVIDENCE_MAX_BYTES / MiB} MiB`],
  ])('%s: %s', (limit, value) => {
    expect(README).toMatch(new RegExp(`^\\| ${limit.replace(/[()`]/g, '\\$&')} \\| ${value}[ |]`, 'm'))
  })
})
