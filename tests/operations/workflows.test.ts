import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'

/**
 * Issue 9: the GitHub Actions workflows, parsed and checked for what they must do. actionlint itself runs in the
 * acceptance workflow (job `workflows`); it has no Debian package and is not a dependency of this project.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
type Job = { permissions?: Record<string, string>; strategy?: { matrix: Record<string, unknown> }; steps: Step[]; environment?: string }
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }

function load(name: string): { workflow: Workflow; text: string } {
  const text = readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8')
  const document = parseDocument(text)
  expect(document.errors.map((error) => error.message)).toEqual([])
  return { workflow: document.toJS() as Workflow, text }
}
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps)
const step = (job: Job, predicate: (step: Step) => boolean) => job.steps.find(predicate)

describe.each(['acceptance.yml', 'pre-open.yml'])('%s', (name) => {
  const { workflow, text } = load(name)

  it('grants only contents: read at the top; a job widens it only with checks: write for the test reporter, or actions: read to fetch earlier runs', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    for (const job of Object.values(workflow.jobs)) {
      if (!job.permissions) continue
      const reporter = job.steps.some((entry) => entry.uses?.startsWith('dorny/test-reporter@'))
      const history = job.steps.some((entry) => entry.run?.includes('gh run download'))
      expect(job.permissions).toEqual(reporter ? { contents: 'read', checks: 'write' } : history ? { contents: 'read', actions: 'read' } : { contents: 'read' })
    }
  })

  it('pins every action to a commit SHA (the version in a comment) and every image to a digest', () => {
    for (const entry of stepsOf(workflow).filter((entry) => entry.uses)) {
      expect(entry.uses).toMatch(/^(docker:\/\/[\w./-]+:\d+\.\d+\.\d+@sha256:[0-9a-f]{64}|[\w.-]+\/[\w.-]+@[0-9a-f]{40})$/)
      // @note a tag can be moved to other code; the commit cannot. The comment is what Dependabot updates alongside.
      if (!entry.uses?.startsWith('docker://')) expect(text).toMatch(new RegExp(`uses: ${entry.uses} # v\\d+\\.\\d+\\.\\d+\\n`))
    }
  })

  it('never puts a secret or an event field into a shell script, and never traces the shell', () => {
    for (const entry of stepsOf(workflow)) {
      expect(entry.run ?? '', entry.name).not.toMatch(/\$\{\{\s*(secrets|github\.event|inputs)\./)
      expect(entry.run ?? '', entry.name).not.toMatch(/set -x|set -o xtrace/)
    }
    expect(text).not.toMatch(/ACTIONS_STEP_DEBUG/)
  })

  it('keeps the run folder, also when the run is NO-GO', () => {
    const upload = stepsOf(workflow).find((entry) => entry.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toMatch(/^always\(\)/)
    expect(upload?.with?.path).toBe('${{ steps.run.outputs.dir }}')
    const find = stepsOf(workflow).find((entry) => entry.id === 'run')
    expect(find?.run).toContain('readlink -f reports/latest')
  })
})

describe('acceptance.yml', () => {
  const { workflow } = load('acceptance.yml')
  const job = workflow.jobs.acceptance as Job

  it('runs on every pull request and on pushes to main', () => {
    expect(workflow.on).toEqual({ pull_request: null, push: { branches: ['main'] } })
  })

  it('runs npm ci and npm test on every Node.js line openbell supports: 20, 22 and 24', () => {
    expect(job.strategy?.matrix).toEqual({ node: [20, 22, 24] })
    expect(step(job, (entry) => entry.uses?.startsWith('actions/setup-node@') === true)?.with?.['node-version']).toBe('${{ matrix.node }}')
    const runs = job.steps.map((entry) => entry.run?.trim())
    expect(runs.indexOf('npm ci --no-audit --no-fund')).toBeGreaterThanOrEqual(0)
    expect(runs.indexOf('npm test')).toBeGreaterThan(runs.indexOf('npm ci --no-audit --no-fund'))
  })

  it('publishes reports/latest/junit.xml as a check run without letting the reporter decide the job', () => {
    const reporter = step(job, (entry) => entry.uses?.startsWith('dorny/test-reporter@') === true)
    expect(reporter?.with).toMatchObject({ path: 'reports/latest/junit.xml', reporter: 'java-junit', 'fail-on-error': false })
    expect(reporter?.if).toMatch(/^always\(\)/)
  })

  it('lints the workflows with actionlint', () => {
    expect(workflow.jobs.workflows?.steps.some((entry) => entry.uses?.startsWith('docker://rhysd/actionlint:'))).toBe(true)
  })
})

describe('pre-open.yml', () => {
  const { workflow, text } = load('pre-open.yml')
  const job = workflow.jobs['pre-open'] as Job

  it('is scheduled at 08:30 New York time in both EDT and EST on weekdays, and can be started by hand', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '30 12 * * 1-5' }, { cron: '30 13 * * 1-5' }])
    expect(workflow.on).toHaveProperty('workflow_dispatch')
    const clock = step(job, (entry) => entry.id === 'clock')?.run ?? ''
    expect(clock).toContain('"-0400/30 12 * * 1-5" | "-0500/30 13 * * 1-5") go=true')
    expect(text).toContain('Daylight saving')
  })

  it('writes the kubeconfig from a secret to an owner-only file and points KUBECONFIG at it', () => {
    const write = step(job, (entry) => entry.env?.OPENBELL_KUBECONFIG !== undefined)
    expect(write?.env?.OPENBELL_KUBECONFIG).toBe('${{ secrets.OPENBELL_KUBECONFIG }}')
    expect(write?.run).toContain('umask 077')
    expect(write?.run).toContain('install -m 600 /dev/null "$RUNNER_TEMP/kubeconfig"')
    expect(write?.run).toContain('echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"')
    expect(write?.run).not.toMatch(/echo "\$OPENBELL_KUBECONFIG|cat "\$RUNNER_TEMP\/kubeconfig"/)
  })

  it('runs `npm test -- --env=cluster` with the tenant and Firestore project from repository variables', () => {
    const test = step(job, (entry) => entry.run?.startsWith('npm test') === true)
    expect(test?.run).toBe('npm test -- --env=cluster --tenant-id "$OPENBELL_TENANT_ID"')
    expect(test?.env).toMatchObject({
      OPENBELL_TENANT_ID: '${{ vars.OPENBELL_TENANT_ID }}',
      OPENBELL_FIRESTORE_PROJECT: '${{ vars.OPENBELL_FIRESTORE_PROJECT }}',
    })
  })

  it("fetches the last 30 runs' artifacts before the run and points --history at them (issue 16)", () => {
    const fetch = step(job, (entry) => entry.run?.includes('gh run download') === true)
    const names = job.steps.map((entry) => entry.name)
    expect(names.indexOf(fetch?.name)).toBeLessThan(job.steps.findIndex((entry) => entry.run?.startsWith('npm test') === true))
    expect(fetch?.env).toEqual({ GH_TOKEN: '${{ github.token }}' })
    expect(fetch?.run).toContain('gh run list --repo "$GITHUB_REPOSITORY" --workflow pre-open.yml --limit 30')
    expect(fetch?.run).toContain(`--pattern 'openbell-pre-open-*' --dir "$RUNNER_TEMP/history" || true`)
    expect(fetch?.run).toContain('echo "OPENBELL_HISTORY=$RUNNER_TEMP/history" >> "$GITHUB_ENV"')
    // the artifact's name ends with the run id, which is how --history recognises a run folder
    expect(step(job, (entry) => entry.uses?.startsWith('actions/upload-artifact@') === true)?.with?.name).toBe('openbell-pre-open-${{ steps.run.outputs.name }}')
    expect(step(job, (entry) => entry.id === 'run')?.run).toContain('echo "name=$(basename "$(readlink -f reports/latest)")" >> "$GITHUB_OUTPUT"')
  })

  it('verifies the run folder and keeps it for 400 days', () => {
    expect(job.steps.some((entry) => entry.run?.includes('node bin/openbell.js verify reports/latest'))).toBe(true)
    expect(step(job, (entry) => entry.uses?.startsWith('actions/upload-artifact@') === true)?.with?.['retention-days']).toBe(400)
  })
})
