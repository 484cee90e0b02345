// The app's one import of zod (lint forbids any other): the setting below must be made before a schema
// parses anything, and a page with no schema should not load zod at all, so it lives where every schema
// gets `z` from rather than in root.
//
// Zod compiles object parsers with `new Function` where it may, and finds out whether it may by trying
// once. Under the Content-Security-Policy (no 'unsafe-eval') that try is a violation the browser
// reports, though Zod catches it. The browser parses without compiling (forms are small); the server,
// under no policy, keeps the compiled parsers.
// eslint-disable-next-line no-restricted-syntax -- the one place that imports zod itself
import { z } from 'zod'

if (typeof document !== 'undefined') z.config({ jitless: true })

export { z }
