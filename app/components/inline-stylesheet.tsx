import { createContext, useContext } from 'react'
import { useNonce } from '~/utils/nonce'

const StylesheetContext = createContext('')

/** entry.server.tsx provides the app's stylesheet as text (app/styles/app-css.server.ts). */
export const StylesheetProvider = StylesheetContext.Provider

/**
 * The app's stylesheet inside the page rather than linked (ADR 036): a linked one is a request the page
 * waits for before it draws anything, and on a slow mobile link it competed with the scripts for the same
 * bandwidth (Lighthouse: first paint 0.8 s or 2.2 s, depending on which came first). It is ~6 KiB gzipped,
 * and every page's shell uses it. In the browser the context is empty and React keeps the text the server
 * wrote: a `dangerouslySetInnerHTML` is not compared at hydration, and its props never change afterwards.
 */
export function InlineStylesheet() {
  const css = useContext(StylesheetContext)
  const nonce = useNonce()
  return <style nonce={nonce || undefined} dangerouslySetInnerHTML={{ __html: css }} suppressHydrationWarning />
}
