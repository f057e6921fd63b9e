/**
 * Expands `$(NAME)` in an env `value` the way the kubelet does: a name defined earlier is replaced by its value,
 * `$$` is an escaped `$`, and a reference to anything unknown stays as written.
 * @example expandEnvReferences('https://$(HOST)/v2', (name) => (name === 'HOST' ? 'paper-api.alpaca.markets' : undefined))
 */
export function expandEnvReferences(value: string, lookup: (name: string) => string | undefined): string {
  return value.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => {
    if (name === undefined) return '$'
    return lookup(name) ?? match
  })
}
