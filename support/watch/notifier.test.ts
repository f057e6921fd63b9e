import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { ReadinessReport } from '../verdict/index.ts'
import { gateChanges } from './gate-changes.ts'
import { buildNotification, createNotifier, type Notification } from './notifier.ts'

const report = (verdict: 'GO' | 'NO-GO', killSwitch: 'pass' | 'fail') =>
  ({
    verdict,
    runId: `run-${verdict}`,
    finishedAt: '2026-12-02T15:00:00.000Z',
    target: { namespace: 'trading-floor' },
    gates: [{ id: 'kill-switch', status: killSwitch, checks: killSwitch === 'fail' ? [{ id: 'halted', status: 'fail', reason: 'EXECUTION_HALTED is "0"' }] : [] }],
  }) as unknown as ReadinessReport

describe('notifications', () => {
  it('say the verdict, the previous one, each changed gate with the reasons, and a Slack text', () => {
    const before = report('GO', 'pass')
    const after = report('NO-GO', 'fail')
    const notification = buildNotification(after, before, gateChanges(before, after), '/reports/run-NO-GO')
    expect(notification).toMatchObject({
      verdict: 'NO-GO',
      previousVerdict: 'GO',
      changedGates: [{ gate: 'kill-switch', from: 'pass', to: 'fail', reasons: ['halted: EXECUTION_HALTED is "0"'] }],
      runId: 'run-NO-GO',
      report: '/reports/run-NO-GO',
    })
    expect(notification.text).toContain('GO → NO-GO')
    expect(notification.text).toContain('kill-switch pass → fail (halted: EXECUTION_HALTED is "0")')
  })

  it('are sent in the background, in order, retried with backoff, and a receiver given up on is named by position only', async () => {
    const received: string[] = []
    let failuresLeft = 2
    const server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        if (request.url?.startsWith('/broken')) return void response.writeHead(500).end()
        if (failuresLeft-- > 0) return void response.writeHead(503).end()
        received.push((JSON.parse(body) as Notification).runId)
        response.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const failed: string[] = []
    const notifier = createNotifier([`${base}/hook/notifierToken0123456789`, `${base}/broken/notifierToken0123456789`], (receiver, why) => failed.push(`${receiver}: ${why}`), { backoffMs: 10 })
    // @note send() returns nothing to wait for: it only queues, so an evaluation never waits for a receiver.
    notifier.send(buildNotification(report('GO', 'pass'), null, [], null))
    notifier.send(buildNotification(report('NO-GO', 'fail'), report('GO', 'pass'), [], null))
    expect(received).toEqual([])
    await notifier.drain(10_000)
    server.close()
    expect(received).toEqual(['run-GO', 'run-NO-GO'])
    expect(failed).toEqual(['1: the receiver answered 500', '1: the receiver answered 500'])
    expect(failed.join()).not.toContain('notifierToken')
  })
})
