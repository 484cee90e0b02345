// What docs/deploy/nginx-lms.conf promises besides balancing, checked against the running nginx:
// compression, hashed assets cached for good, request body limits above the app's, HTTP sent to HTTPS.
import { setTimeout as sleep } from 'node:timers/promises'
import { readAccessLog } from './access-log'
import type { ProxyCheck } from './report'

const BROWSER = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 lms-bench' }
const KiB = 1024

/**
 * Who answered the request just made to `path`, from nginx's access log: an instance (its address is
 * logged) or nginx itself (none). nginx writes the line when it has finished with the request.
 */
async function answeredBy(accessLog: string, path: string, before: number) {
  for (let tries = 0; tries < 50; tries++) {
    const entries = readAccessLog(accessLog)
    const entry = entries.slice(before).find((line) => line.uri === path)
    if (entry) return entry.upstream ? 'the app' : 'nginx'
    await sleep(100)
  }
  return 'nobody (no line in the access log)'
}

async function compression(publicUrl: string): Promise<ProxyCheck> {
  const response = await fetch(`${publicUrl}/en/login`, { headers: { ...BROWSER, 'Accept-Encoding': 'gzip' } })
  const html = await response.text()
  const encoding = response.headers.get('content-encoding') ?? 'none'
  return {
    what: 'A page asked for with `Accept-Encoding: gzip`',
    seen: `HTTP ${response.status}, Content-Encoding ${encoding}, ${(html.length / KiB).toFixed(1)} KiB unpacked`,
    passed: response.status === 200 && encoding === 'gzip',
  }
}

async function assets(publicUrl: string): Promise<ProxyCheck> {
  const html = await fetch(`${publicUrl}/en/login`, { headers: BROWSER }).then((response) => response.text())
  const asset = /\/assets\/[^"'\s]+\.js/.exec(html)?.[0]
  if (!asset) return { what: 'A hashed asset', seen: 'the login page links none', passed: false }
  const get = () => fetch(`${publicUrl}${asset}`, { headers: { ...BROWSER, 'Accept-Encoding': 'gzip' } })
  const first = await get()
  await first.arrayBuffer()
  const second = await get()
  await second.arrayBuffer()
  const cacheControl = second.headers.get('cache-control') ?? ''
  const cached = second.headers.get('x-cache-status')
  const encoding = second.headers.get('content-encoding')
  return {
    what: `A hashed asset (\`${asset.replace(/-[\w-]+\.js$/, '-….js')}\`), twice`,
    seen: `nginx cache ${first.headers.get('x-cache-status')} then ${cached}, Cache-Control "${cacheControl}", Content-Encoding ${encoding}`,
    passed: second.status === 200 && cached === 'HIT' && /immutable/.test(cacheControl) && encoding === 'gzip',
  }
}

/** A POST of `size` bytes to `path`: nginx refuses bodies over its limit itself, the app sees the rest. */
async function body(
  { publicUrl, accessLog }: ProxyCheckOptions,
  path: string,
  size: number,
  expected: 'nginx' | 'the app',
): Promise<ProxyCheck> {
  const before = readAccessLog(accessLog).length
  const response = await fetch(`${publicUrl}${path}`, {
    method: 'POST',
    headers: { ...BROWSER, Origin: publicUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `email=someone%40example.org&password=x&padding=${'x'.repeat(size)}`,
    redirect: 'manual',
  })
  await response.arrayBuffer()
  const by = await answeredBy(accessLog, path, before)
  return {
    what: `POST ${path} with a ${Math.round(size / KiB)} KiB body`,
    seen: `HTTP ${response.status} from ${by}`,
    passed: by === expected && (expected === 'the app' || response.status === 413),
  }
}

async function redirectToHttps(httpPort: number): Promise<ProxyCheck> {
  const response = await fetch(`http://localhost:${httpPort}/en/courses`, { redirect: 'manual' })
  const location = response.headers.get('location')
  return {
    what: 'Plain HTTP',
    seen: `HTTP ${response.status} to ${location}`,
    passed: response.status === 301 && location === 'https://localhost/en/courses',
  }
}

export interface ProxyCheckOptions {
  publicUrl: string
  httpPort: number
  accessLog: string
}

export async function checkProxy(options: ProxyCheckOptions) {
  const { publicUrl, httpPort } = options
  return [
    await compression(publicUrl),
    await assets(publicUrl),
    // Forms: the app allows 64 KiB, nginx 128 KiB; the officer import: about 3 MB and 4 MiB.
    await body(options, '/en/login', 100 * KiB, 'the app'),
    await body(options, '/en/login', 200 * KiB, 'nginx'),
    await body(options, '/en/manage/import', 3584 * KiB, 'the app'),
    await body(options, '/en/manage/import', 5 * 1024 * KiB, 'nginx'),
    await redirectToHttps(httpPort),
  ]
}
