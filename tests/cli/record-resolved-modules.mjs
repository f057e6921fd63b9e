// `node --import ./tests/cli/record-resolved-modules.mjs bin/openbell.js …`: appends every module URL this process
// resolves to the file named by OPENBELL_MODULE_LOG, one `<pid>.<thread> <url>` a line (the pid keeps child processes
// apart, the thread id vitest's worker threads; NODE_OPTIONS reaches both).
import { register } from 'node:module'
import { threadId } from 'node:worker_threads'

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs'
let thread = ''
export function initialize(data) {
  thread = data.thread
}
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(process.env.OPENBELL_MODULE_LOG, thread + ' ' + result.url + '\\n')
  return result
}`)}`,
  { data: { thread: `${process.pid}.${threadId}` } },
)
