/** One `<testcase>` of a JUnit file. */
export interface JunitCase {
  /** The gate id (openbell writes it as the classname). */
  classname: string
  /** The `gate/check` id (a gate id for a gate-level reason, `run/problem-N` for a run problem). */
  name: string
  /** The `name` of the enclosing `<testsuite>` (the gate id, or `run`). */
  suite: string
  /** How it ended: no child element is `passed`. */
  outcome: 'passed' | 'failure' | 'error' | 'skipped'
}

/** The parts of a JUnit file that `openbell verify` compares with the JSON report. */
export interface JunitSummary {
  /** The `tests` and `failures` attributes of `<testsuites>`. */
  totals: { tests: number; failures: number; errors: number }
  cases: JunitCase[]
}

/**
 * Reads the JUnit XML that openbell writes (`support/report/render-junit.ts`): the `<testsuites>` totals and every
 * `<testcase>` with its outcome. Not a general XML parser: it relies on that layout (attributes in quotes, no CDATA).
 * @throws {Error} when there is no `<testsuites>` element.
 */
export function parseJunit(xml: string): JunitSummary {
  const root = /<testsuites\b([^>]*)>/.exec(xml)
  if (!root) throw new Error('no <testsuites> element')
  const rootAttributes = readAttributes(root[1] ?? '')
  const cases: JunitCase[] = []
  const suitePattern = /<testsuite\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testsuite>)/g
  for (const suite of xml.matchAll(suitePattern)) {
    const suiteName = readAttributes(suite[1] ?? '').name ?? ''
    const casePattern = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g
    for (const testcase of (suite[2] ?? '').matchAll(casePattern)) {
      const attributes = readAttributes(testcase[1] ?? '')
      const body = testcase[2] ?? ''
      const outcome = /<failure\b/.test(body) ? 'failure' : /<error\b/.test(body) ? 'error' : /<skipped\b/.test(body) ? 'skipped' : 'passed'
      cases.push({ classname: attributes.classname ?? '', name: attributes.name ?? '', suite: suiteName, outcome })
    }
  }
  return {
    totals: {
      tests: Number(rootAttributes.tests ?? NaN),
      failures: Number(rootAttributes.failures ?? NaN),
      errors: Number(rootAttributes.errors ?? 0),
    },
    cases,
  }
}

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[match[1] as string] = unescapeXml(match[2] ?? '')
  return attributes
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&')
}
