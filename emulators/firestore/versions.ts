/**
 * External things the Firestore emulators depend on, pinned in one place so an update touches one file.
 * @note Tested with Google Cloud SDK 528.0.0, whose `cloud-firestore-emulator` component is 1.19.9,
 * and with `@firestore-emulator/server` 0.3.15 (pinned in package.json).
 */

/** The emulator version the harness was tested with; the `gcloud` backend reports what it finds. */
export const TESTED_FIRESTORE_EMULATOR_VERSION = '1.19.9'

/** Where Google Cloud SDK installs usually live, checked in order after `$CLOUDSDK_ROOT_DIR`. */
export const GCLOUD_SDK_ROOTS = Object.freeze([
  '/usr/lib/google-cloud-sdk',
  '/usr/share/google-cloud-sdk',
  '/opt/google-cloud-sdk',
  '/usr/local/google-cloud-sdk',
  '/snap/google-cloud-cli/current',
  '/google-cloud-sdk',
])

/** The emulator jar, relative to an SDK root (`gcloud components install cloud-firestore-emulator`). */
export const FIRESTORE_EMULATOR_JAR = 'platform/cloud-firestore-emulator/cloud-firestore-emulator.jar'

/**
 * The jar's entry point.
 * @note The jar has no `Main-Class` manifest entry, so `java -jar` fails with "no main manifest attribute";
 * the SDK's own `cloud_firestore_emulator` script runs `java -cp <jar> <this class>`, and so do we.
 */
export const FIRESTORE_EMULATOR_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore'

/** What the emulator prints once its port is bound (it prints nothing like it when the bind fails). */
export const FIRESTORE_EMULATOR_READY_OUTPUT = 'Dev App Server is now running.'

/** What the emulator prints when its port was taken before it could bind it. */
export const FIRESTORE_EMULATOR_PORT_TAKEN_OUTPUT = 'Address already in use'

/**
 * JVM flags: English messages (the SDK's wrapper script passes it; the emulator only supports English), the quick
 * JIT tier only, and a young generation of at most 64 MB.
 * @note `-XX:TieredStopAtLevel=1` (C1 only): on 2 cores the emulator answers ~15–25 % sooner when the machine is idle
 * (2.2 → 1.8 s) and up to ~2x sooner when it is loaded, seeds the floor as fast or faster, and holds ~30 MB less.
 * The price: a query over 100,000 documents takes 7–8 s instead of 4.4–6.7 s; only the benchmark's large floor has
 * that many, and the benchmark raises `--request-timeout` for it (`npm run bench`, README "Benchmarks").
 * @note `-XX:MaxNewSize=64m`: G1 sizes the young generation from the initial heap (1/64 of the machine's memory: ~240 MB
 * of eden on 24 GB), and each page of it joins the JVM's RSS the first time it is allocated into. An emulator that
 * lives as long as `openbell watch` allocates ~1.1 MB per evaluation and keeps almost none of it, so its RSS climbed
 * ~1.2 MB per evaluation until the whole eden had been touched (151 → 262 MB over 120 evaluations, eden 127 of 236 MB
 * used, no collection yet: `jstat -gc`). Capped, a young collection comes every ~50 evaluations and reuses the same pages.
 */
export const FIRESTORE_EMULATOR_JVM_FLAGS = Object.freeze(['-Duser.language=en', '-XX:TieredStopAtLevel=1', '-XX:MaxNewSize=64m'])

/**
 * The container image for the `testcontainers` backend: the same SDK release as the tested jar.
 * @see https://cloud.google.com/sdk/docs/downloads-docker
 */
export const FIRESTORE_EMULATOR_IMAGE = 'gcr.io/google.com/cloudsdktool/google-cloud-cli:528.0.0-emulators'

/** The port the emulator listens on inside the container. */
export const FIRESTORE_EMULATOR_CONTAINER_PORT = 8080

/** The pure-Node emulator package used as the last fallback. */
export const NODE_FIRESTORE_EMULATOR_PACKAGE = '@firestore-emulator/server'
