// The shipped nginx configuration as `npm run bench:lb` runs it: every example value replaced, and a
// shipped file that no longer matches the substitutions stops the run instead of testing something else.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NGINX, prepareNginx, renderSiteConfig, SHIPPED_CONFIG } from './nginx'

const options = { instancePorts: [3351, 3352], httpPort: 8080, httpsPort: 8081 }
const shipped = readFileSync(SHIPPED_CONFIG, 'utf8')

describe('the shipped nginx configuration, as tested', () => {
  it('points at the test instances, ports and files, and at nothing of the system', () => {
    const rendered = renderSiteConfig(shipped, '/tmp/x', options)
    expect(rendered).toContain('server 127.0.0.1:3351 max_fails=2 fail_timeout=5s;')
    expect(rendered).toContain('server 127.0.0.1:3352 max_fails=2 fail_timeout=5s;')
    expect(rendered).toContain('listen 8081 ssl http2;')
    expect(rendered).toContain('ssl_certificate /tmp/x/cert.pem;')
    expect(rendered.replace(/#.*$/gm, '')).not.toMatch(/\/etc\/|\/var\/|example\.org|10\.0\.0\./)
    // Everything else is the shipped text.
    expect(rendered.split('\n').length).toBe(shipped.split('\n').length)
  })

  it('takes an instance out of rotation with `down`', () => {
    const rendered = renderSiteConfig(shipped, '/tmp/x', { ...options, downPorts: [3351] })
    expect(rendered).toContain('server 127.0.0.1:3351 max_fails=2 fail_timeout=5s down;')
    expect(rendered).toContain('server 127.0.0.1:3352 max_fails=2 fail_timeout=5s;')
  })

  it('refuses a shipped file that a substitution no longer covers', () => {
    const oneInstance = shipped.replace(/^\s*server 10\.0\.0\.12:3000.*\n/m, '')
    expect(() => renderSiteConfig(oneInstance, '/tmp/x', options)).toThrow(/expected 2 × server 10/)
    const moved = shipped.replace('/var/log/nginx/lms.access.log', '/srv/log/lms.access.log')
    expect(() => renderSiteConfig(moved, '/tmp/x', options)).toThrow(/lms\\.access\\.log/)
  })

  it.runIf(existsSync(NGINX))('passes nginx -t', () => {
    const { dir } = prepareNginx({ ...options, downPorts: [3352] })
    rmSync(dir, { recursive: true, force: true })
  })
})
