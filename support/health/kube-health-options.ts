/** How recent "recent" is for the stability rules. */
export interface KubeHealthOptions {
  /** A Ready change or a restart this recent makes a pod not yet stable (`docs/ops/runbooks/crashloop_backoff.md`). @default 600000 (10 min) */
  stabilityWindowMs?: number
  /** Warning events this recent are recorded as evidence. @default 1800000 (30 min) */
  warningEventWindowMs?: number
}

/** {@link KubeHealthOptions} after defaults. */
export type ResolvedKubeHealthOptions = Required<KubeHealthOptions>

/** The defaults of {@link KubeHealthOptions}. */
export const KUBE_HEALTH_DEFAULTS: ResolvedKubeHealthOptions = Object.freeze({
  stabilityWindowMs: 10 * 60_000,
  warningEventWindowMs: 30 * 60_000,
})

/** Fills in the defaults. */
export function resolveKubeHealthOptions(options: KubeHealthOptions = {}): ResolvedKubeHealthOptions {
  return {
    stabilityWindowMs: options.stabilityWindowMs ?? KUBE_HEALTH_DEFAULTS.stabilityWindowMs,
    warningEventWindowMs: options.warningEventWindowMs ?? KUBE_HEALTH_DEFAULTS.warningEventWindowMs,
  }
}
