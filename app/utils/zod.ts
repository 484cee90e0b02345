import { z } from 'zod'

// Zod compiles object parsers with `new Function` where it may, and finds out whether it may by trying
// once. Under the Content-Security-Policy (no 'unsafe-eval') that try is a violation the browser
// reports, though Zod catches it. The browser parses without compiling (forms are small); the server,
// under no policy, keeps the compiled parsers. Imported first by root.tsx, before any schema is built.
if (typeof document !== 'undefined') z.config({ jitless: true })
