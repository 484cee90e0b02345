// Signing in the way a browser does, for the benchmarks: the login form's post, then the page it
// redirects to (which sets the language cookie a browser sends from then on).
import { DEMO_PASSWORD } from '~/setup/demo-data'

/**
 * Returns the Cookie header a browser would send afterwards. `headers` go with both requests: by default
 * the Origin the CSRF check wants; a caller that talks to an instance behind a proxy adds what the proxy adds.
 */
export async function signIn({
  baseUrl,
  email,
  password = DEMO_PASSWORD,
  headers = { Origin: baseUrl },
}: {
  baseUrl: string
  email: string
  password?: string
  headers?: Record<string, string>
}): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      jar.set(pair.slice(0, pair.indexOf('=')), pair)
    }
  }
  const login = await fetch(`${baseUrl}/en/login`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  keep(login)
  const location = login.headers.get('location')
  if (login.status !== 302 || !location || !jar.has('lms_session')) {
    throw new Error(`login as ${email} failed: HTTP ${login.status}, no session cookie`)
  }
  keep(await fetch(new URL(location, baseUrl), { headers: { ...headers, Cookie: [...jar.values()].join('; ') } }))
  return [...jar.values()].join('; ')
}
