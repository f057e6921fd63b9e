import { z } from 'zod'
import { forbiddenRuleSchema } from '../kube-api/forbidden-rule.ts'
import { kubeHostileAnswersSchema } from '../kube-api/hostile-answers.ts'
import { kubeMutationSchema } from '../kube-api/kube-mutation.ts'
import { kubeOverlaySchema } from '../kube-api/kube-overlay.ts'
import { OpsOverlaySchema } from '../ops/ops-service-options.ts'

/** A document a scenario writes: its path (`{tenant}` stands for the run's tenant) and fields. */
const firestoreDocumentSchema = z.strictObject({
  path: z.string().regex(/^[^/]+(\/[^/]+\/[^/]+)*\/[^/]+$/, 'must be a document path: collection/doc[/collection/doc…]'),
  /** Field values; strings like `{{now-2h}}` become Firestore timestamps. */
  data: z.record(z.string(), z.unknown()),
})

/** How a scenario changes the Firestore emulator's data, or takes it away. */
export const firestoreOverlaySchema = z.strictObject({
  /** No emulator at all: the host refuses connections. */
  down: z.boolean().optional(),
  /** How the seeder runs: fewer trades, no golden sweeps, or every timestamp shifted into the past. */
  seed: z
    .strictObject({
      trades: z.number().int().nonnegative().optional(),
      goldenSweeps: z.number().int().nonnegative().optional(),
      shiftMinutes: z.number().int().optional(),
    })
    .optional(),
  /** Mid-run: the emulator process is killed (SIGKILL) this many milliseconds after seeding; 0 = at once, before any gate reads. */
  killAfterMs: z.number().int().nonnegative().optional(),
  /** Document paths removed after seeding. */
  delete: z.array(z.string().min(1)).optional(),
  /** Documents written after seeding (full overwrite). */
  set: z.array(firestoreDocumentSchema).optional(),
})

/** How a scenario changes the Kubernetes API stand-in itself. */
export const kubeApiOverlaySchema = z.strictObject({
  /** No API server: the kubeconfig points at a closed port. */
  down: z.boolean().optional(),
  /** Permissions the identity lacks (RBAC gaps). */
  forbidden: z.array(forbiddenRuleSchema).optional(),
  /** Delay before every answer. */
  latencyMs: z.number().int().nonnegative().optional(),
  /** The bearer token in the kubeconfig the floor writes (e.g. a canary value that must never reach a report). */
  token: z.string().regex(/^\S+$/, 'must not contain blanks').optional(),
  /** Mid-run: after answering this many requests the API server goes away (connections cut, then refused). */
  stopAfterRequests: z.number().int().min(1).optional(),
  /** Mid-run: objects that change after they were read a number of times (e.g. a ConfigMap edited between two reads). */
  mutations: z.array(kubeMutationSchema).optional(),
  /** Answers a client must not trust: redirects elsewhere, forced paging, endless lists, refused credentials. */
  hostile: kubeHostileAnswersSchema.optional(),
})

/**
 * A scenario: a named overlay on the healthy floor that breaks one thing, and the verdict it must produce.
 * Scenarios are data (`emulators/scenarios/<name>/scenario.yaml`), never an `if` inside an emulator. `gate` says
 * what a gate id is: the emulators check its shape only, as they take no gate list from openbell; the registry's ids
 * are checked where openbell reads a scenario's expectations (`support/verdict/check-scenario-gates.ts`).
 */
export function createScenarioSchema(gate: z.ZodType<string>) {
  return z.strictObject({
    /** One sentence: what is broken. */
    description: z.string().min(1),
    /** The gates that must not pass, and how each must end; every other gate must pass. */
    expect: z
      .array(z.strictObject({ gate, status: z.enum(['fail', 'unverified']) }))
      .min(1, 'a scenario must break at least one gate'),
    /** Single checks that must end a certain way, with a phrase of their reason (e.g. two checks of a gate that a mid-run change splits). */
    checks: z
      .array(
        z.strictObject({
          gate,
          check: z.string().min(1),
          status: z.enum(['pass', 'fail', 'unverified']),
          reasonContains: z.string().min(1).optional(),
        }),
      )
      .optional(),
    /** A phrase the reason of a non-passing check must contain (the broken object's name). */
    reasonContains: z.string().min(1).optional(),
    /** The session date the run is for, when the scenario is about the calendar. */
    session: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    kube: kubeOverlaySchema.optional(),
    kubeApi: kubeApiOverlaySchema.optional(),
    ops: OpsOverlaySchema.optional(),
    firestore: firestoreOverlaySchema.optional(),
  })
}

/** A gate id's shape; which ids exist is the gate registry's to say (`support/gates/gate-registry.ts`). */
export const GATE_ID_SHAPE = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'must be a gate id, lowercase words joined by "-"')

/** A scenario file's schema as the emulators read it: every field checked, gate ids by their shape. */
export const scenarioSchema = createScenarioSchema(GATE_ID_SHAPE)

/** A scenario as validated from its YAML file. */
export type Scenario = z.infer<typeof scenarioSchema>

/** The JSON Schema of a scenario file, for editors (`# yaml-language-server: $schema=…`), with the gate ids given. */
export function getScenarioJsonSchema(gate: z.ZodType<string> = GATE_ID_SHAPE): object {
  return z.toJSONSchema(createScenarioSchema(gate), { io: 'input', unrepresentable: 'any' })
}
