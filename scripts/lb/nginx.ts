// nginx for `npm run bench:lb`: the shipped docs/deploy/nginx-lms.conf with its example addresses, ports
// and paths replaced, inside a main configuration like Debian's, all in a temporary directory. Never
// /etc/nginx, port 80 or the system's logs: nginx runs in the foreground under this process.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import tls from 'node:tls'

export const SHIPPED_CONFIG = 'docs/deploy/nginx-lms.conf'
export const NGINX = '/usr/sbin/nginx'

export interface NginxOptions {
  /** Ports of the app instances, in the order of the shipped file's `server` lines. */
  instancePorts: number[]
  /** Instances taken out of rotation (`down`), as an operator does before restarting one. */
  downPorts?: number[]
  httpPort: number
  httpsPort: number
}

interface Substitution {
  from: RegExp
  to: (index: number) => string
  count: number
}

/**
 * The shipped file with each example value replaced. Every pattern must match exactly as often as the
 * shipped file has it, so an edit there that a substitution no longer covers stops the run instead of
 * quietly testing something else.
 */
export function renderSiteConfig(shipped: string, dir: string, options: NginxOptions): string {
  const { instancePorts, httpPort, httpsPort, downPorts = [] } = options
  const server = (port: number) => `server 127.0.0.1:${port}`
  const substitutions: Substitution[] = [
    { from: /server 10\.0\.0\.\d+:3000/g, to: (i) => server(instancePorts[i]!), count: instancePorts.length },
    { from: /listen 80\b/g, to: () => `listen ${httpPort}`, count: 2 },
    { from: /listen 443\b/g, to: () => `listen ${httpsPort}`, count: 2 },
    {
      from: /\/etc\/letsencrypt\/live\/training\.example\.org\/fullchain\.pem/g,
      to: () => `${dir}/cert.pem`,
      count: 1,
    },
    { from: /\/etc\/letsencrypt\/live\/training\.example\.org\/privkey\.pem/g, to: () => `${dir}/key.pem`, count: 1 },
    { from: /training\.example\.org/g, to: () => 'localhost', count: 2 },
    { from: /\/var\/log\/nginx\/lms\.access\.log/g, to: () => `${dir}/access.log`, count: 1 },
    { from: /\/var\/log\/nginx\/lms\.error\.log/g, to: () => `${dir}/error.log`, count: 1 },
    { from: /\/var\/lib\/nginx\/lms-assets/g, to: () => `${dir}/assets-cache`, count: 1 },
  ]
  let text = shipped
  for (const { from, to, count } of substitutions) {
    const found = text.match(from)?.length ?? 0
    if (found !== count) {
      throw new Error(
        `${SHIPPED_CONFIG}: expected ${count} × ${from.source}, found ${found}; update scripts/lb/nginx.ts`,
      )
    }
    let index = 0
    text = text.replace(from, () => to(index++))
  }
  for (const port of downPorts) text = text.replace(new RegExp(`(${server(port)}\\b[^;]*);`), '$1 down;')
  const directives = text.replace(/#.*$/gm, '')
  const leftover = /\/etc\/|\/var\/|10\.0\.0\.|example\.org/.exec(directives)
  if (leftover) throw new Error(`${SHIPPED_CONFIG}: "${leftover[0]}" is not substituted for the test`)
  return text
}

/** The `http` settings of Debian's stock /etc/nginx/nginx.conf, which the shipped file is included in. */
function mainConfig(dir: string): string {
  const temp = (name: string) => `${name}_temp_path ${dir}/temp/${name};`
  return `
${process.getuid?.() === 0 ? 'user www-data;' : ''}
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 768; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
  ssl_prefer_server_ciphers on;
  access_log ${dir}/access-other.log;
  gzip on;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${dir}/lms.conf;
}
`
}

/** A certificate for localhost that this process (and only it) trusts from now on. */
function selfSignedCertificate(dir: string) {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'].concat(
      ['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost'],
      ['-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`],
    ),
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(`${dir}/cert.pem`, 'utf8')])
}

export interface RunningNginx {
  baseUrl: string
  dir: string
  accessLog: string
  /** Marks these instances `down` (none: every instance in rotation) and reloads nginx, as `nginx -s reload`. */
  takeOut(ports: number[]): void
  stop(): Promise<void>
}

/**
 * Writes the configuration, a certificate and nginx's directories into a new temporary directory and has
 * nginx check it (`nginx -t`). Returns the directory and the arguments that run nginx on it.
 */
export function prepareNginx(options: NginxOptions) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lms-nginx-'))
  // The workers run as www-data (under root) and create files in here.
  chmodSync(dir, 0o755)
  mkdirSync(path.join(dir, 'temp'))
  selfSignedCertificate(dir)
  writeFileSync(path.join(dir, 'lms.conf'), renderSiteConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), dir, options))
  writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir))
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')]
  try {
    execFileSync(NGINX, [...args, '-t', '-q'], { stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim()
    throw new Error(`nginx -t refused the configuration: ${stderr || String(error)}`)
  }
  return { dir, args }
}

/** Checks the configuration, starts nginx and waits until it answers. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const { dir, args } = prepareNginx(options)
  const child = spawn(NGINX, args, { stdio: ['ignore', 'ignore', process.stderr], detached: true })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null
  process.once('exit', () => running() && process.kill(-child.pid!, 'SIGTERM'))
  const baseUrl = `https://localhost:${options.httpsPort}`

  function takeOut(ports: number[]) {
    const site = renderSiteConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), dir, { ...options, downPorts: ports })
    writeFileSync(path.join(dir, 'lms.conf'), site)
    // New workers start with the new configuration; the old ones finish their requests, then exit.
    process.kill(child.pid!, 'SIGHUP')
  }

  async function stop() {
    if (!existsSync(dir)) return
    if (running()) {
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    }
    // What nginx had to say (upstream errors, timeouts) is gone with the directory: show it first.
    const errors = readFileSync(path.join(dir, 'error.log'), 'utf8').trim().split('\n').filter(Boolean)
    if (errors.length > 0)
      process.stderr.write(`nginx error log (${errors.length} lines):\n${errors.slice(-300).join('\n')}\n`)
    rmSync(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 10_000
  for (;;) {
    if (!running()) throw new Error(`nginx exited while starting: ${readFileSync(path.join(dir, 'error.log'), 'utf8')}`)
    // Any answer will do: the instances may still be starting.
    const answered = await fetch(`${baseUrl}/healthz`).then(
      () => true,
      () => false,
    )
    if (answered) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error('nginx did not answer within 10 s')
    }
    await sleep(100)
  }
  return { baseUrl, dir, accessLog: path.join(dir, 'access.log'), takeOut, stop }
}
