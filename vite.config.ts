import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

// Remix's configuration lives here: the Vite plugin replaces remix.config.js
// (docs/decisions/001-remix-on-vite.md).
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_routeConfig: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  server: { port: 3000 },
  // Rollup splits every module shared by two routes into a chunk of its own, down to a few hundred
  // bytes (href, use-locale, permissions): a page's first load fetched 16–29 files, and on a phone's
  // HTTP/1.1 connection (6 per host) each costs a round trip. Chunks under 1 kB are folded into a
  // neighbour instead, only where that runs no code a page would not have run (ADR 036).
  build: { rollupOptions: { output: { experimentalMinChunkSize: 1_000 } } },
  // Vite's dev-mode scan of the routes finds the password hasher (server-only, reached through .server
  // modules) and tries to bundle its browser build, which needs a package we do not install; the browser
  // never loads it, so the scan leaves it out.
  optimizeDeps: { exclude: ['@node-rs/argon2'] },
})
