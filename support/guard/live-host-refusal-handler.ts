import { http, HttpResponse, type HttpHandler } from 'msw'
import { isLiveBrokerHost } from '../network/index.ts'

/**
 * An msw handler that answers every request to the live broker host with a network error and reports it;
 * any other request falls through (to the next handler, or out of the process untouched).
 * @note it reads the URL and method only: headers carry the broker keys and are never looked at.
 */
export function createLiveHostRefusalHandler(onRefused: (url: string, method: string) => void): HttpHandler {
  return http.all('*', ({ request }) => {
    if (!isLiveBrokerHost(request.url)) return undefined
    onRefused(request.url, request.method)
    return HttpResponse.error()
  })
}
