#!/usr/bin/env node
// Compiles openbell's TypeScript (bin/, support/, specs/, emulators/; tests excluded) to dist/ with tsc, so no
// process transforms TypeScript at run time. `npm ci` runs it (`prepare`), `bin/openbell.js` runs it when a source is
// newer than the build, and `npm run build` (`node bin/build-dist.js --force`) runs it on demand.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where the build goes, what it is built from, and the file whose time says when it was built. */
export const BUILD = Object.freeze({
  dist: path.join(ROOT, 'dist'),
  tsconfig: path.join(ROOT, 'tsconfig.build.json'),
  sourceDirs: ['bin', 'support', 'specs', 'emulators'].map((dir) => path.join(ROOT, dir)),
  configs: ['tsconfig.json', 'tsconfig.build.json'].map((file) => path.join(ROOT, file)),
  stamp: '.built',
})

/**
 * The newest modification time among the sources, in ms: every `.ts` that is not a test, every config, and every
 * source folder (a folder's time changes when a file in it is added, renamed or deleted, so a deleted spec is never
 * left running from an old build).
 */
export function newestSourceMs(build = BUILD) {
  let newest = Math.max(...build.configs.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0))
  const walk = (dir) => {
    const stat = statSync(dir, { throwIfNoEntry: false })
    if (!stat?.isDirectory()) return
    newest = Math.max(newest, stat.mtimeMs)
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(file).mtimeMs)
    }
  }
  for (const dir of build.sourceDirs) walk(dir)
  return newest
}

/** Whether dist/ is missing or older than a source. */
export function isBuildStale(build = BUILD) {
  const built = statSync(path.join(build.dist, build.stamp), { throwIfNoEntry: false })
  return built === undefined || newestSourceMs(build) > built.mtimeMs
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
  const started = Date.now()
  const fresh = `${build.dist}.${process.pid}.tmp`
  rmSync(fresh, { recursive: true, force: true })
  // @note --noCheck: emitting is ~2 s of CPU, type-checking as much again; `npm run typecheck` (tsc -p .) checks types.
  const result = spawnSync(process.execPath, [tsc, '-p', build.tsconfig, '--noCheck', '--outDir', fresh], { stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    rmSync(fresh, { recursive: true, force: true })
    throw new Error(`[openbell] compiling the TypeScript sources failed (tsc exit ${result.status ?? result.signal}); fix the error above, then run again.`)
  }
  // @note the stamp takes the build's start time: a source saved while tsc ran is newer, so the next start rebuilds.
  const stamp = path.join(fresh, build.stamp)
  writeFileSync(stamp, '')
  utimesSync(stamp, started / 1000, started / 1000)
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

/**
 * Builds dist/ when it is missing or older than a source; a cheap check of modification times otherwise (~500 stats).
 * @note only in a source checkout (tsconfig.build.json present): an installed copy (the image) runs dist/ as built,
 * whatever times its copied folders got.
 */
export function ensureBuilt(build = BUILD) {
  if (!existsSync(build.tsconfig)) {
    if (existsSync(path.join(build.dist, build.stamp))) return
    throw new Error(`[openbell] ${build.dist} is missing and this is no source checkout (no ${build.tsconfig}): install openbell with its build (the image's first stage runs \`npm ci\`, which builds it).`)
  }
  if (!existsSync(path.join(build.dist, build.stamp))) buildDist(undefined, build, 'no build yet')
  else if (isBuildStale(build)) buildDist(undefined, build, 'a source is newer than the build')
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
