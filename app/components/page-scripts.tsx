import { Scripts, UNSAFE_RemixContext, useMatches } from '@remix-run/react'
import { Children, cloneElement, isValidElement, useContext, useState, type ReactNode } from 'react'

// The page's scripts wait until the page has painted (ADR 036). Every page works without JavaScript, so
// what a reader sees should never wait for, or share a slow link with, the scripts that enhance it. The
// server writes them inert — module links under a relation no browser knows, the module script under a
// type no browser runs — and a small inline script makes them live once the browser has drawn the page.
// Nothing is added to or removed from the document, so React hydrates exactly what the server wrote.

/** The type the module script waits under; a script whose type a browser does not know is left alone. */
const WAITING_SCRIPT_TYPE = 'text/x-after-first-paint'
/** The relation the module links wait under: a link of an unknown relation fetches nothing. */
const WAITING_LINK_REL = 'modulepreload-after-first-paint'

// React 18 does not know the attribute's camel-cased name and would warn about `fetchPriority`.
const LOW_PRIORITY = { fetchpriority: 'low' } as Record<string, string>

/**
 * The page's modules as links in the head, waiting under another relation until the page has painted:
 * the browser then fetches them all at once (low priority: images the page shows come first), instead of
 * finding each module's imports only after fetching it. Computed as Remix's `<Scripts>` does: the entry's
 * modules and each matched route's.
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
  return urls.map((url) => <link key={url} rel={WAITING_LINK_REL} href={url} {...LOW_PRIORITY} />)
}

// The browser says when it has drawn the first text or image ("first-contentful-paint"); one that cannot
// say waits two animation frames, after which the first has been drawn. A page opened in a background tab
// draws nothing until it is shown, so there the scripts start at once; one hidden while waiting too, and
// any page after 3 s whatever happened. Each step is a task of its own, so none holds the main thread long.
// Giving the script its type back does not run it; replacing its text does (the HTML standard's "prepare
// the script element": a script skipped for its type has not started, and a change of its text prepares it).
const START_AFTER_FIRST_PAINT = `(function () {
  var started = false
  function start() {
    if (started) return
    started = true
    document.querySelectorAll('link[rel="${WAITING_LINK_REL}"]').forEach(function (link) {
      link.rel = 'modulepreload'
    })
    setTimeout(function () {
      document.querySelectorAll('script[type="${WAITING_SCRIPT_TYPE}"]').forEach(function (script) {
        script.type = 'module'
        script.textContent = script.textContent
      })
    })
  }
  if (document.visibilityState !== 'visible') return start()
  document.addEventListener('visibilitychange', start, { once: true })
  setTimeout(start, 3000)
  var entryTypes = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || []
  if (entryTypes.indexOf('paint') < 0) {
    return requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        setTimeout(start)
      })
    })
  }
  new PerformanceObserver(function (entries, observer) {
    if (!entries.getEntriesByName('first-contentful-paint').length) return
    observer.disconnect()
    setTimeout(start)
  }).observe({ type: 'paint', buffered: true })
})()`

/** Remix's `<Scripts>` without its module links (ScriptPreloads has them), its module script waiting. */
function waitingForFirstPaint(node: ReactNode): ReactNode {
  return Children.map(node, (child) => {
    if (!isValidElement<{ rel?: string; type?: string; children?: ReactNode }>(child)) return child
    if (child.type === 'link' && child.props.rel === 'modulepreload') return null
    if (child.type === 'script' && child.props.type === 'module')
      return cloneElement(child, { type: WAITING_SCRIPT_TYPE })
    return child.props.children ? cloneElement(child, undefined, waitingForFirstPaint(child.props.children)) : child
  })
}

/**
 * Remix's `<Scripts>`, started after the first paint. Called as a function, not rendered, so that its
 * output can be changed: its hooks run as this component's, on every render, as they would in it.
 */
export function ScriptsAfterFirstPaint({ nonce }: { nonce: string }) {
  const scripts = Scripts({ nonce })
  if (!scripts) return null // hydrated: Remix loads later pages' modules itself
  return (
    <>
      {waitingForFirstPaint(scripts)}
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: START_AFTER_FIRST_PAINT }} />
    </>
  )
}
