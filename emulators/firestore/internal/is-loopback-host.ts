/** Splits `host:port` (or `[v6]:port`) into its parts; `undefined` when it is not of that form. */
export function parseHostPort(value: string): { hostname: string; port: number } | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value.trim())
  if (!match) return undefined
  const port = Number(match[3])
  if (port < 1 || port > 65_535) return undefined
  return { hostname: (match[1] ?? match[2]) as string, port }
}

/** Whether `hostname` names this machine; openbell never contacts anything else. */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
}
