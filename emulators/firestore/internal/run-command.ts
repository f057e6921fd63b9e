import type { SpawnFunction } from '../types.ts'

/** How a short-lived command ended. */
export type CommandResult =
  | { readonly kind: 'exited'; readonly code: number | null; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'timed-out'; readonly timeoutMs: number }

/**
 * Runs a short command in a child process and kills it after `timeoutMs`, so a hung tool (a Docker CLI
 * waiting on a dead socket) costs at most that long.
 */
export async function runCommand(
  spawn: SpawnFunction,
  command: string,
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number },
): Promise<CommandResult> {
  return await new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let settled = false
    const finish = (result: CommandResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      finish({ kind: 'timed-out', timeoutMs: options.timeoutMs })
    }, options.timeoutMs)
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'ENOENT'
          ? { kind: 'not-found', message: `${command} is not on PATH` }
          : { kind: 'exited', code: null, stdout, stderr: error.message },
      )
    })
    child.once('close', (code) => finish({ kind: 'exited', code, stdout, stderr }))
  })
}

/** The first non-empty line of a tool's output, for one-sentence reasons. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  )
}
