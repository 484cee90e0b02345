import { UNSAFE_RemixContext, useMatches } from '@remix-run/react'
import { useContext, useState } from 'react'

// React 18 does not know the attribute's camel-cased name and would warn about `fetchPriority`.
const LOW_PRIORITY = { fetchpriority: 'low' } as Record<string, string>

/**
 * The page's scripts, asked for at low priority from the head (ADR 036). Every page works without
 * JavaScript, so on a slow link the text and images a reader sees come first and the scripts that
 * enhance them after. Remix's own `<Scripts>` lists the same modules at the browser's default (high)
 * priority; the browser fetches a module once, so whichever link it meets first decides, and these
 * come first. Computed as Remix does: the entry's modules and each matched route's.
 */
export function ScriptPreloads() {
  const remix = useContext(UNSAFE_RemixContext)
  const routeIds = useMatches().map((match) => match.id)
  // The first render's list stays: later pages' modules are Remix's to load, and the head must match
  // what the server wrote while React hydrates it.
  const [urls] = useState(() => {
    if (!remix) return []
    const { entry, routes } = remix.manifest
    const routeModules = routeIds.flatMap((id) => {
      const route = routes[id]
      return route ? [...(route.imports ?? []), route.module] : []
    })
    return [...new Set([entry.module, ...entry.imports, ...routeModules])]
  })
  return urls.map((url) => <link key={url} rel="modulepreload" href={url} {...LOW_PRIORITY} />)
}
