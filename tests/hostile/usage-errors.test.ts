import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runOpenbell } from '../scenarios/run-openbell.ts'

/**
 * Broken configuration through the real CLI (issue 7): each is a usage error, exit 2, one clear line on stderr,
 * and nothing written: the reports folder stays empty, no floor starts, nothing is contacted.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'openbell-usage-'))
const TOKEN = 'canary-kubeconfig-user-token-6f3a'
const kubeconfig = (name: string, text: string): string => {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}
const GOOD = kubeconfig(
  'good.yaml',
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]',
    `users: [{ name: u, user: { token: "${TOKEN}" } }]`,
    'contexts: [{ name: floor, context: { cluster: c, user: u } }]',
    'current-context: floor',
    '',
  ].join('\n'),
)
// @note tests run as root, where chmod 000 still reads; a folder in place of the file is unreadable for everyone.
const UNREADABLE = path.join(dir, 'kubeconfig-is-a-folder')
mkdirSync(UNREADABLE)
/** A home without `.kube/config`: with KUBECONFIG unset and no service account, there is no kubeconfig at all. */
const EMPTY_HOME = path.join(dir, 'home-without-kube')
mkdirSync(EMPTY_HOME)

const CASES: { name: string; args: string[]; env?: NodeJS.ProcessEnv; message: string }[] = [
  {
    name: 'a kubeconfig that is missing',
    args: ['run', '--env=cluster'],
    env: { KUBECONFIG: path.join(dir, 'nope.yaml') },
    message: `[openbell] KUBECONFIG names ${path.join(dir, 'nope.yaml')}, which does not exist.`,
  },
  {
    // @note client-node would fall back to http://localhost:8080 without a word (issue 17).
    name: 'no kubeconfig at all (no KUBECONFIG, no ~/.kube/config, not in a pod)',
    args: ['run', '--env=cluster'],
    env: { KUBECONFIG: '', HOME: EMPTY_HOME },
    message:
      `[openbell] no kubeconfig: KUBECONFIG is not set, ${path.join(EMPTY_HOME, '.kube', 'config')} does not exist and this is not a pod ` +
      'with a service account; point KUBECONFIG at the cluster\'s kubeconfig (e.g. `gcloud container clusters get-credentials`), ' +
      'or run against the emulators with --env=emulator.',
  },
  {
    name: 'a kubeconfig that cannot be read',
    args: ['run', '--env=cluster'],
    env: { KUBECONFIG: UNREADABLE },
    message: `[openbell] cannot read kubeconfig ${UNREADABLE}: EISDIR: illegal operation on a directory, read. Fix the file or point KUBECONFIG at a valid one.`,
  },
  {
    name: 'a malformed kubeconfig',
    args: ['run', '--env=cluster'],
    env: { KUBECONFIG: kubeconfig('malformed.yaml', 'apiVersion: v1\nclusters: [ {name: a\n') },
    message: `[openbell] cannot read kubeconfig ${path.join(dir, 'malformed.yaml')}: unexpected end of the stream within a flow collection (3:1). Fix the file or point KUBECONFIG at a valid one.`,
  },
  {
    name: 'a kubeconfig whose current context does not exist',
    args: ['run', '--env=cluster'],
    env: { KUBECONFIG: kubeconfig('dangling.yaml', `apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\ncurrent-context: gone\n`) },
    message: `[openbell] kubeconfig ${path.join(dir, 'dangling.yaml')} has no current context with a cluster server; run \`kubectl config get-contexts\`.`,
  },
  {
    name: 'a --kube-context that is not in the kubeconfig',
    args: ['run', '--env=cluster', '--kube-context=prod'],
    env: { KUBECONFIG: GOOD },
    message: `[openbell] --kube-context "prod" is not in ${GOOD}; its contexts are: floor.`,
  },
  {
    name: 'a non-loopback Firestore emulator in emulator mode',
    args: ['run'],
    env: { FIRESTORE_EMULATOR_HOST: '10.1.2.3:8080' },
    message:
      '[openbell] FIRESTORE_EMULATOR_HOST="10.1.2.3:8080" is not on this machine; in emulator mode openbell only talks to emulators on 127.0.0.1, ::1 or localhost. Forward the port to 127.0.0.1, or unset the variable so openbell starts its own emulator.',
  },
  {
    name: 'a tenant id that walks up the Firestore path',
    args: ['run', '--tenant-id=../x'],
    message: '[openbell] --tenant-id "../x" contains "/", so it is not a single Firestore path segment.',
  },
  {
    name: 'a -t that is not a regular expression',
    args: ['run', '-t', '('],
    message: '[openbell] --test-name-pattern "(" is not a valid regular expression.',
  },
  {
    name: 'a scenario that does not exist',
    args: ['run', '--scenario=../../etc'],
    message: '[openbell] --scenario "../../etc" is not a known scenario; run `openbell scenarios` to list them.',
  },
]

describe.concurrent('usage errors exit 2 with one line and write nothing', () => {
  it.each(CASES)('$name', { timeout: 90_000 }, async ({ args, env, message }) => {
    const run = await runOpenbell(args, { env: { ...env, OPENBELL_ENV: '' }, timeoutMs: 60_000 })
    expect(run.stderr).toBe(`${message}\n`)
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toBe('')
    expect(readdirSync(run.reportsDir)).toEqual([])
    expect(run.stderr).not.toContain(TOKEN)
  })
})
