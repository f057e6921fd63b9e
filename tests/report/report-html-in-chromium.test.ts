import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeRunReports } from '../../support/report/write-run-reports.ts'
import { GATE_MANIFEST } from '../../support/gates/gate-manifest.ts'
import { sampleReport } from './sample-report.ts'

/**
 * Issue 16, done when: report.html of a GO and a NO-GO run opened in real headless Chromium (Debian's `chromium`;
 * `.ci/run` installs it). Every request the page could make is sent through a proxy on 127.0.0.1 that counts it;
 * the host resolver maps every name to nothing, so not even a DNS lookup leaves. Screenshots are kept under
 * reports/html-screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SHOTS = path.join(ROOT, 'reports/html-screenshots')
if (!existsSync(CHROMIUM)) console.warn('[openbell] report-html-in-chromium: chromium is not installed (apt-get install chromium); the browser checks are skipped')

const requests: string[] = []
const BROWSER_OWN = /^(?:CONNECT [a-z0-9.-]+\.(?:google\.com|googleapis\.com|gvt1\.com):443|(?:GET|POST) http:\/\/[a-z0-9.-]+\.(?:google\.com|googleapis\.com|gvt1\.com)\/)/
let proxyPort = 0
const proxy = createServer((request: IncomingMessage, response) => {
  requests.push(`${request.method} ${request.url}`)
  response.writeHead(404).end()
})
proxy.on('connect', (request: IncomingMessage, socket) => {
  requests.push(`CONNECT ${request.url}`)
  socket.destroy()
})

async function openInChromium(file: string, screenshot: string): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'openbell-chromium-'))
  const common = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability', '--no-pings', '--metrics-recording-only', '--no-default-browser-check',
    `--user-data-dir=${profile}`, `--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--window-size=1200,1800', '--virtual-time-budget=3000',
  ]
  const run = promisify(execFile)
  const { stdout } = await run(CHROMIUM, [...common, '--dump-dom', `file://${file}`], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 })
  await run(CHROMIUM, [...common, `--screenshot=${screenshot}`, `file://${file}`], { timeout: 60_000 })
  return stdout
}

/** The text of the DOM as a reader sees it, roughly: tags dropped, entities of the five escaped characters decoded. */
function textOf(dom: string): string {
  return dom.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ')
}

describe.skipIf(!existsSync(CHROMIUM))('report.html in headless Chromium', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    proxyPort = (proxy.address() as AddressInfo).port
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())))

  it.each([['GO', false], ['NO-GO', true]] as const)('shows the %s verdict, every gate, the failed check with its evidence, and requests nothing', async (verdict, broken) => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'openbell-html-'))
    const runId = '20261202T133000.000Z-cluster'
    const runDir = path.join(reports, runId)
    const { html } = writeRunReports(sampleReport(runId, runDir, broken), runDir, {})
    const screenshot = path.join(SHOTS, `report-${verdict}.png`)
    const dom = await openInChromium(html, screenshot)
    console.log(`[openbell] screenshot of the ${verdict} report: ${screenshot}`)

    const text = textOf(dom)
    expect(text).toContain(`✗ ${verdict}`.replace('✗ GO', '✓ GO'))
    for (const gate of GATE_MANIFEST) expect(text).toContain(gate.title)
    // @note the hostile evidence stayed text: no script ran (the title is ours), no element came out of it.
    expect(dom).toMatch(new RegExp(`<title>${verdict} — openbell`))
    expect(dom).not.toMatch(/<script|<img/i)
    if (broken) {
      expect(text).toContain('Why not GO')
      expect(text).toContain('EXECUTION_HALTED in ConfigMap agenttrader-kill-switch is "0"')
      expect(text).toContain('openbell halt --env=cluster')
      expect(text).toContain('</details><script>document.title=\\"pwned\\"</script>')
      expect(dom).toMatch(/<details open=""><summary>evidence\/kill-switch\/kill-switch-configmap\.json/)
      // one cause, listed once with the three checks it took
      expect(text.split('could not reach the API server at https://10.0.0.1:6443').length - 1).toBe(4)
      expect(text).toMatch(/Took 3: metrics\/second ?, cluster-health\/first ?, cluster-health\/second/)
    }
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
    // @note Chromium's own background services (component updates, sign-in, time) call Google hosts even headless;
    // they are the browser's, not the page's, and the proxy refuses them too. Anything else came from the page.
    expect(requests.filter((request) => !BROWSER_OWN.test(request))).toEqual([])
  }, 120_000)

  it('would see a request the page made: the probe works (control: the report without its CSP, with an image added)', async () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'openbell-html-control-'))
    const runId = '20261202T133000.000Z-cluster'
    const { html } = writeRunReports(sampleReport(runId, path.join(reports, runId), true), path.join(reports, runId), {})
    const control = path.join(reports, 'control.html')
    writeFileSync(control, readFileSync(html, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace('<h1>', '<img src="http://evil.test/x.png"><h1>'))
    requests.length = 0
    await openInChromium(control, path.join(reports, 'control.png'))
    expect(requests.filter((request) => !BROWSER_OWN.test(request))).toContain('GET http://evil.test/x.png')
  }, 120_000)
})
