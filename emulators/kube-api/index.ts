/**
 * The Kubernetes API stand-in: a loopback server that speaks the JSON wire format well enough for
 * `@kubernetes/client-node` and `kubectl`, plus the fixture loader and scenario overlays.
 */

// The emulator
export { KubeApiEmulator } from './kube-api-emulator.ts'
export {
  KUBE_API_EMULATOR_DEFAULTS,
  resolveKubeApiEmulatorOptions,
} from './kube-api-emulator-options.ts'
export type { KubeApiEmulatorOptions, ResolvedKubeApiEmulatorOptions } from './kube-api-emulator-options.ts'
export type { KubeApiRequestRecord, StartedKubeApi } from './started-kube-api.ts'
export { writeKubeconfig } from './write-kubeconfig.ts'
export type { WriteKubeconfigOptions } from './write-kubeconfig.ts'

// Faults while a run is in progress, as data
export { kubeMutationSchema } from './kube-mutation.ts'
export type { KubeMutation } from './kube-mutation.ts'

// Answers a client must not trust, as data
export { kubeHostileAnswersSchema } from './hostile-answers.ts'
export type { KubeHostileAnswers } from './hostile-answers.ts'

// Access control as data
export { ALWAYS_FORBIDDEN, forbiddenRuleSchema } from './forbidden-rule.ts'
export type { ForbiddenRule } from './forbidden-rule.ts'

// Objects and the kinds served
export { kubeObjectSchema } from './kube-object.ts'
export type { KubeObject, KubeObjectMeta } from './kube-object.ts'
export { KUBE_RESOURCE_TYPES, SERVED_KUBE_KINDS, findResourceTypeByKind, getApiVersion } from './kube-resource-types.ts'
export type { KubeResourceType, KubeVerb } from './kube-resource-types.ts'

// Fixtures and scenario overlays
export { FLOOR_KUBE_FIXTURE_DIR, loadKubeObjects } from './load-kube-objects.ts'
export type { LoadKubeObjectsOptions } from './load-kube-objects.ts'
export { applyKubeOverlay } from './apply-kube-overlay.ts'
export type { ApplyKubeOverlayOptions } from './apply-kube-overlay.ts'
export { getKubeOverlayJsonSchema, kubeOverlaySchema } from './kube-overlay.ts'
export type { KubeOverlay } from './kube-overlay.ts'
export { formatKubeTime, renderRelativeTime, renderRelativeTimes } from './render-relative-times.ts'
export { isJsonObject, mergePatch } from './merge-patch.ts'
export type { JsonObject } from './merge-patch.ts'
