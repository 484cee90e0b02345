/** What a loader or action gave back, thrown or returned, read as an HTTP client would read it. */
export interface RouteAnswer {
  status: number
  body: string
  location: string | null
}

/**
 * Runs a loader or action as Remix would and reads its outcome: a Response (returned or thrown), or
 * `data(...)` / plain data as a 200 or its `init.status` with the payload as JSON. Other errors fail the test.
 */
export async function routeAnswer(run: () => unknown): Promise<RouteAnswer> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response)
    return { status: result.status, body: await result.text(), location: result.headers.get('Location') }
  if (result instanceof Error) throw result
  const init = (result as { init?: { status?: number } } | null)?.init
  const payload = (result as { data?: unknown } | null)?.data ?? result
  return { status: init?.status ?? 200, body: JSON.stringify(payload), location: null }
}
