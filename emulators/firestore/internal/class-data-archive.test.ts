import { chmodSync, existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openClassDataArchive } from './class-data-archive.ts'

const KEY = { java: '/usr/bin/java', jar: '/nonexistent/cloud-firestore-emulator.jar', flags: ['-XX:TieredStopAtLevel=1'] }
const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'openbell-cds-'))
/** What the JVM does with `-XX:ArchiveClassesAtExit=<file>` when it exits. */
const recordFrom = (flags: readonly string[], bytes = 2 * 1024 * 1024) => writeFileSync(flags.at(-1)!.split('=')[1]!, Buffer.alloc(bytes))

describe('the Firestore emulator’s class-data archive', () => {
  it('is recorded by the first start and mapped by the next', () => {
    const dir = scratch()
    const first = openClassDataArchive(dir, KEY)
    expect(first.recording).toBe(true)
    // @note with a JVM older than JDK 13 (no dynamic archives) the emulator must still start: unknown -XX flags are ignored.
    expect(first.jvmFlags).toEqual(['-XX:+IgnoreUnrecognizedVMOptions', expect.stringMatching(/^-XX:ArchiveClassesAtExit=.+\.partial$/)])
    recordFrom(first.jvmFlags)
    first.settle('', true)
    const next = openClassDataArchive(dir, KEY)
    expect(next.recording).toBe(false)
    expect(next.jvmFlags).toEqual(['-XX:+IgnoreUnrecognizedVMOptions', expect.stringMatching(/^-XX:SharedArchiveFile=.+firestore-emulator-[0-9a-f]{16}\.jsa$/)])
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([])
  })

  it('is not kept when the JVM had to be SIGKILLed while writing it, or wrote too little', () => {
    const dir = scratch()
    const killed = openClassDataArchive(dir, KEY)
    recordFrom(killed.jvmFlags)
    killed.settle('', false)
    const short = openClassDataArchive(dir, KEY)
    recordFrom(short.jvmFlags, 1_000)
    short.settle('', true)
    expect(readdirSync(dir)).toEqual([])
    expect(openClassDataArchive(dir, KEY).recording).toBe(true)
  })

  it('is dropped, to be recorded again, when the JVM says it cannot map it', () => {
    const dir = scratch()
    const first = openClassDataArchive(dir, KEY)
    recordFrom(first.jvmFlags)
    first.settle('', true)
    const refused = openClassDataArchive(dir, KEY)
    refused.settle('[0.011s][warning][cds] The shared archive file was created by a different version or build of HotSpot', true)
    expect(openClassDataArchive(dir, KEY).recording).toBe(true)
  })

  it('belongs to one java, jar and set of flags', () => {
    const dir = scratch()
    const first = openClassDataArchive(dir, KEY)
    recordFrom(first.jvmFlags)
    first.settle('', true)
    expect(openClassDataArchive(dir, { ...KEY, java: '/opt/jdk-21/bin/java' }).recording).toBe(true)
    expect(openClassDataArchive(dir, { ...KEY, flags: [] }).recording).toBe(true)
  })

  it('clears recordings abandoned by a killed openbell, after an hour', () => {
    const dir = scratch()
    const abandoned = path.join(dir, 'firestore-emulator-0000000000000000.jsa.123.456.partial')
    const recent = path.join(dir, 'firestore-emulator-0000000000000000.jsa.124.457.partial')
    writeFileSync(abandoned, 'x')
    writeFileSync(recent, 'x')
    const twoHoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo)
    openClassDataArchive(dir, KEY)
    expect(existsSync(abandoned)).toBe(false)
    expect(existsSync(recent)).toBe(true)
  })

  it('is simply not used when its folder cannot be created', () => {
    const parent = scratch()
    chmodSync(parent, 0o500)
    const archive = openClassDataArchive(path.join(parent, 'cache', 'openbell'), KEY)
    chmodSync(parent, 0o700)
    // @note root ignores directory permissions; the folder is then created and the archive works as usual.
    if (process.getuid?.() === 0) expect(archive.recording).toBe(true)
    else expect(archive.jvmFlags).toEqual([])
  })
})
