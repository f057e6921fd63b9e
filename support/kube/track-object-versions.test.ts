import { describe, expect, it } from 'vitest'
import { CouldNotCheckError } from '../errors.ts'
import { createObjectVersionTracker } from './track-object-versions.ts'

const killSwitch = (resourceVersion: string) => ({
  metadata: { uid: 'uid-ks', name: 'agenttrader-kill-switch', namespace: 'trading-floor', resourceVersion },
  data: { EXECUTION_HALTED: resourceVersion === '6' ? '0' : '1' },
})
const other = { metadata: { uid: 'uid-other', name: 'agenttrader-safety', namespace: 'trading-floor', resourceVersion: '7' } }

describe('createObjectVersionTracker', () => {
  it('passes every value through unchanged while the versions agree', () => {
    const tracker = createObjectVersionTracker()
    const single = killSwitch('6')
    const list = [killSwitch('6'), other]
    expect(tracker.note('get configmap trading-floor/agenttrader-kill-switch', single)).toBe(single)
    expect(tracker.note('list configmaps in namespace trading-floor', list)).toBe(list)
  })

  it.each([
    ['null (a 404)', null],
    ['a string (the server version)', 'v1.32.4'],
    ['an HTTP observation', { url: 'http://x/metrics', status: 200, body: '' }],
    ['an object without uid', { metadata: { name: 'x', resourceVersion: '1' } }],
  ])('ignores %s', (_what, value) => {
    const tracker = createObjectVersionTracker()
    expect(tracker.note('a', value)).toBe(value)
    expect(tracker.note('b', value)).toBe(value)
  })

  it('refuses a later read that shows an object at another version, naming both reads and versions', () => {
    const tracker = createObjectVersionTracker()
    tracker.note('get configmap trading-floor/agenttrader-kill-switch', killSwitch('6'))
    const conflict = () => tracker.note('list configmaps in namespace trading-floor', [other, killSwitch('35')])
    expect(conflict).toThrow(CouldNotCheckError)
    expect(conflict).toThrow(
      '[openbell] trading-floor/agenttrader-kill-switch changed while this gate was reading it ' +
        '("get configmap trading-floor/agenttrader-kill-switch" saw resourceVersion 6, "list configmaps in namespace trading-floor" saw 35), ' +
        'so its checks would judge two different states of the cluster. Rerun openbell once nobody is changing it.',
    )
  })
})
