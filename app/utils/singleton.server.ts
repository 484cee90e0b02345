// The production server loads app modules twice (its own TypeScript imports and the Vite server
// build), and the dev server re-evaluates them on every change. Keeping long-lived resources on
// globalThis makes both share one database handle instead of opening the PGlite directory twice.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __lmsSingletons?: Map<string, unknown> }
  store.__lmsSingletons ??= new Map()
  if (!store.__lmsSingletons.has(name)) store.__lmsSingletons.set(name, create())
  return store.__lmsSingletons.get(name) as T
}

/** Forgets every singleton; tests use it to start the next file on a fresh database. */
export function clearSingletons() {
  const store = globalThis as typeof globalThis & { __lmsSingletons?: Map<string, unknown> }
  store.__lmsSingletons?.clear()
}
