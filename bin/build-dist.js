#!/usr/bin/env node
// Compiles openbell's TypeScript (bin/, support/, specs/, emulators/; tests excluded) to dist/ with tsc, so no
// process transforms TypeScript at run time. `npm ci` runs it (`prepare`), `bin/openbell.js` runs it when a source
// changed since the build, and `npm run build` (`node bin/build-dist.js --force`) runs it on demand.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where the build goes, what it is built from, and the file that holds the sources' fingerprint at the build. */
export const BUILD = Object.freeze({
  dist: path.join(ROOT, 'dist'),
  tsconfig: path.join(ROOT, 'tsconfig.build.json'),
  sourceDirs: ['bin', 'support', 'specs', 'emulators'].map((dir) => path.join(ROOT, dir)),
  configs: ['tsconfig.json', 'tsconfig.build.json'].map((file) => path.join(ROOT, file)),
  stamp: '.built',
  /**
   * Packages bundled into one file each under dist/vendor/, which dist/'s own imports of them point at.
   * @note @kubernetes/client-node is ~830 ES modules: Node instantiates each one, in the runner and again in the spec
   * worker. One bundled module of the same code loads in ~0.24 s instead of ~0.52 s and ~52 MB instead of ~73 MB
   * (`import()` in a fresh process, Node 20). It is still the package's own code, its dependencies left external.
   * zod's ~95 modules likewise: ~0.11 s instead of ~0.26 s and 8 MB instead of 14 MB (on a loaded machine).
   * Each bundle holds only the names dist/ imports from the package (`namedImportsOf`): client-node's 13.5 MB of
   * code becomes 4.8 MB, ~20 MB less RSS in each thread that loads it.
   */
  vendored: { '@kubernetes/client-node': 'kubernetes-client-node.js', zod: 'zod.js' },
})

/**
 * What the build was made from, as one line per source: every `.ts` that is not a test and every config, with its
 * size and modification time, in a fixed order, hashed. Any change counts, not only a newer time: an edited, added,
 * deleted or renamed source, a file copied in with an older time (`cp -p`), or a dist/ copied from another checkout.
 */
export function sourceFingerprint(build = BUILD) {
  const hash = createHash('sha256')
  const add = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false })
    hash.update(`${path.relative(path.dirname(build.tsconfig), file)}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\n`)
  }
  build.configs.forEach(add)
  // @note a bundled package is part of the build: `npm ci` with another version of it (or of the bundler) rebuilds.
  for (const name of [...Object.keys(build.vendored ?? {}), ...(Object.keys(build.vendored ?? {}).length > 0 ? ['esbuild'] : [])]) {
    hash.update(`${name}\0${installedVersion(name)}\n`)
  }
  const walk = (dir) => {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return
    const entries = readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    for (const entry of entries) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) add(file)
    }
  }
  build.sourceDirs.forEach(walk)
  return hash.digest('hex')
}

/** Whether dist/ is missing or was built from other sources than those in the checkout now. */
export function isBuildStale(build = BUILD) {
  const stamp = path.join(build.dist, build.stamp)
  if (!existsSync(stamp)) return true
  return readFileSync(stamp, 'utf8').trim() !== sourceFingerprint(build)
}

/**
 * Compiles the sources into a fresh folder and puts it in place of dist/ by renaming, so a process that reads dist/
 * meanwhile never sees half a build, and two builds started at once both end with a whole one.
 * @param log where to say that it compiles (never stdout, which belongs to the command's own output)
 */
export function buildDist(log = (line) => process.stderr.write(line), build = BUILD, reason = 'built on request') {
  let tsc
  try {
    tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc')
  } catch {
    throw new Error(
      `[openbell] dist/ is missing or older than the TypeScript sources, and the TypeScript compiler (a devDependency) is not installed. Run \`npm ci\` with the dev dependencies (it builds dist/), or build with \`npm run build\` before \`npm prune --omit=dev\`.`,
    )
  }
  log(`openbell: compiling the TypeScript sources to dist/ (${reason})\n`)
  // @note taken before tsc runs: a source saved while it runs changes the fingerprint, so the next start rebuilds.
  const fingerprint = sourceFingerprint(build)
  const fresh = `${build.dist}.${process.pid}.tmp`
  rmSync(fresh, { recursive: true, force: true })
  // @note --noCheck: emitting is ~2 s of CPU, type-checking as much again; `npm run typecheck` (tsc -p .) checks types.
  const result = spawnSync(process.execPath, [tsc, '-p', build.tsconfig, '--noCheck', '--outDir', fresh], { stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    rmSync(fresh, { recursive: true, force: true })
    throw new Error(`[openbell] compiling the TypeScript sources failed (tsc exit ${result.status ?? result.signal}); fix the error above, then run again.`)
  }
  try {
    bundleVendored(fresh, build)
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true })
    throw new Error(`[openbell] bundling ${Object.keys(build.vendored ?? {}).join(', ')} into dist/vendor/ failed (${error.message.split('\n')[0]}); run \`npm ci\` (esbuild is a dev dependency), then run again.`)
  }
  writeFileSync(path.join(fresh, build.stamp), `${fingerprint}\n`)
  const old = `${build.dist}.${process.pid}.old`
  try {
    renameSync(build.dist, old)
  } catch (error) {
    if (error.code !== 'ENOENT') throw error
  }
  try {
    renameSync(fresh, build.dist)
  } catch (error) {
    // @note another process put its build in place between the two renames: that one is as new as this one.
    if (!existsSync(path.join(build.dist, build.stamp))) throw error
    rmSync(fresh, { recursive: true, force: true })
  }
  rmSync(old, { recursive: true, force: true })
}

/** The installed version of a package, or `missing`. */
function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(createRequire(path.join(ROOT, 'package.json')).resolve(`${name}/package.json`), 'utf8')).version
  } catch {
    return 'missing'
  }
}

/**
 * Bundles each vendored package into `<out>/vendor/<file>` (its own dependencies stay imports of theirs), then points
 * every import of it in the compiled JavaScript at that file, so every process loads the one copy.
 */
function bundleVendored(out, build) {
  const vendored = Object.entries(build.vendored ?? {})
  if (vendored.length === 0) return
  const esbuild = createRequire(path.join(ROOT, 'package.json'))('esbuild')
  const compiled = listCompiled(out)
  const targets = new Map()
  try {
    for (const [name, file] of vendored) {
      const outfile = path.join(out, 'vendor', file)
      const entry = fileURLToPath(import.meta.resolve(name))
      const names = namedImportsOf(name, compiled)
      // @note only what dist/ imports: client-node's generated API has ~60 API classes, openbell uses 7; the rest is
      // ~8.7 MB of code that every thread parsed and kept (~20 MB of RSS per thread). Any other kind of import of the
      // package (namespace, default, dynamic) bundles the whole package, as before.
      const source = names ? { stdin: { contents: `export { ${names.join(', ')} } from ${JSON.stringify(entry)}\n`, resolveDir: ROOT, sourcefile: `${file}.entry.js` } } : { entryPoints: [entry] }
      // @note no source map: Node with source maps on would read and parse a map of this size at every start.
      esbuild.buildSync({ ...source, bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' })
      targets.set(name, outfile)
    }
  } finally {
    // @note the sync API keeps its esbuild service process, holding what it parsed (~250 MB after client-node), until
    // stopped or until this process exits: a long-lived process that built dist/ at its start (openbell watch) kept it.
    void esbuild.stop()
  }
  for (const { file, text } of compiled) {
    const next = text.replace(specifierOf([...targets.keys()]), (_match, quote, name) => {
      const relative = path.relative(path.dirname(file), targets.get(name)).split(path.sep).join('/')
      return `${quote}${relative.startsWith('.') ? relative : `./${relative}`}${quote}`
    })
    if (next !== text) writeFileSync(file, next)
  }
}

/** Every compiled `.js` file under `out` (dist/vendor/ excepted), with its text. */
function listCompiled(out) {
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (file !== path.join(out, 'vendor')) walk(file)
      } else if (entry.name.endsWith('.js')) files.push({ file, text: readFileSync(file, 'utf8') })
    }
  }
  walk(out)
  return files
}

/** A quoted import specifier naming one of `names`: group 1 the quote, group 2 the package. */
function specifierOf(names) {
  return new RegExp(`(["'])(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})\\1`, 'g')
}

/**
 * The names the compiled JavaScript imports from package `name`, sorted, when every mention of it is an
 * `import { … } from` or `export { … } from`; `null` when any other is (a namespace, default or dynamic import, the
 * name as a string): then only the whole package is safe to bundle.
 */
export function namedImportsOf(name, compiled) {
  const quoted = specifierOf([name])
  const named = new RegExp(`\\b(?:import|export)\\s*\\{([^}]*)\\}\\s*from\\s*${quoted.source.replace('\\1', '\\2')}`, 'g')
  const names = new Set()
  for (const { text } of compiled) {
    const statements = [...text.matchAll(named)]
    if (statements.length !== [...text.matchAll(quoted)].length) return null
    for (const [, list] of statements) {
      for (const item of list.split(',').map((part) => part.trim()).filter(Boolean)) {
        const imported = item.split(/\s+as\s+/)[0]
        if (imported === 'default') return null
        names.add(imported)
      }
    }
  }
  return names.size > 0 ? [...names].sort() : null
}

/**
 * Builds dist/ when it is missing or was built from other sources; a cheap check otherwise (~350 stats, one hash).
 * @note only in a source checkout (tsconfig.build.json present): an installed copy (the image) runs dist/ as built,
 * whatever times its copied folders got.
 */
export function ensureBuilt(build = BUILD) {
  if (!existsSync(build.tsconfig)) {
    if (existsSync(path.join(build.dist, build.stamp))) return
    throw new Error(`[openbell] ${build.dist} is missing and this is no source checkout (no ${build.tsconfig}): install openbell with its build (the image's first stage runs \`npm ci\`, which builds it).`)
  }
  if (!existsSync(path.join(build.dist, build.stamp))) buildDist(undefined, build, 'no build yet')
  else if (isBuildStale(build)) buildDist(undefined, build, 'a source changed since the build')
}

// `node bin/build-dist.js` builds when stale (`prepare`, the tests' global setup); `--force` always builds.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv.includes('--force')) buildDist()
    else ensureBuilt()
  } catch (error) {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}
