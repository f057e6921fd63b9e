import { KUBE_READ_LIMITS } from './kube-read-limits.ts'

/** The query of one page of a list: how many items, and where the previous page stopped. */
export interface PageQuery {
  limit: number
  _continue?: string
}

/** One page of a Kubernetes list, as client-node returns it. */
export interface ListPage<T> {
  items: T[]
  metadata?: { _continue?: string; resourceVersion?: string }
}

/** A list read to its end: its items, and the resourceVersion it was read at (where a watch of it starts). */
export interface WholeList<T> {
  items: T[]
  resourceVersion: string
}

/** A list that could not be read to its end; the message says why. */
export class IncompleteListError extends Error {
  override name = 'IncompleteListError'
}

/**
 * Reads a list to its end: asks `KUBE_READ_LIMITS.pageSize` items at a time and follows `metadata.continue` for at
 * most `KUBE_READ_LIMITS.maxPages` pages. A list is only ever judged whole.
 * @throws {IncompleteListError} when the list goes on past the last page openbell reads.
 */
export async function readAllPages<T>(readPage: (query: PageQuery) => Promise<ListPage<T>>, check: (items: T[]) => T[]): Promise<WholeList<T>> {
  const { pageSize, maxPages } = KUBE_READ_LIMITS
  const items: T[] = []
  let token: string | undefined
  for (let page = 1; page <= maxPages; page += 1) {
    const answer = await readPage({ limit: pageSize, ...(token === undefined ? {} : { _continue: token }) })
    items.push(...check(answer.items))
    token = answer.metadata?._continue || undefined
    // @note the pages of one list are one snapshot: the last page's resourceVersion is the whole list's.
    if (token === undefined) return { items, resourceVersion: answer.metadata?.resourceVersion ?? '' }
  }
  throw new IncompleteListError(
    `the list still had more after ${maxPages} pages (${items.length} items; KUBE_READ_LIMITS.maxPages), so it was not ` +
      `read to its end and cannot be judged; check for a namespace far larger than expected, or an API server that never ends a list`,
  )
}
