// `node --import ./tests/cli/record-resolved-modules.mjs bin/openbell.js …`: appends every module URL this process
// resolves to the file named by OPENBELL_MODULE_LOG, one `<pid> <url>` a line (the pid keeps child processes apart).
import { register } from 'node:module'

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs'
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(process.env.OPENBELL_MODULE_LOG, process.pid + ' ' + result.url + '\\n')
  return result
}`)}`,
)
