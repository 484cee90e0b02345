import { createContext, useContext, useState } from 'react'
import { useNonce } from '~/utils/nonce'

const StylesheetContext = createContext('')

/** entry.server.tsx provides the app's stylesheet as text (app/styles/app-css.server.ts). */
export const StylesheetProvider = StylesheetContext.Provider

const STYLESHEET_ID = 'app-stylesheet'

interface Stylesheet {
  css: string
  nonce: string
}

/**
 * The stylesheet the server wrote into this page, read back in the browser. React makes the element
 * anew when it renders the document itself instead of hydrating it (after a hydration error, or a
 * script that failed to load); the copy must carry the same text and the same nonce, or the policy
 * blocks it and the page loses every style. A browser hides the nonce attribute but keeps the
 * element's `nonce` property for scripts; the old element is still in the document while React
 * renders the new one.
 */
function writtenByServer(): Stylesheet {
  const element = document.getElementById(STYLESHEET_ID)
  if (!(element instanceof HTMLStyleElement)) return { css: '', nonce: '' }
  return { css: element.textContent ?? '', nonce: element.nonce ?? '' }
}

/**
 * The app's stylesheet inside the page rather than linked (ADR 036): a linked one is a request the page
 * waits for before it draws anything, and on a slow mobile link it competed with the scripts for the same
 * bandwidth (Lighthouse: first paint 0.8 s or 2.2 s, depending on which came first). It is ~6 KiB gzipped,
 * and every page's shell uses it. The text is not in the client bundle: the browser reads it from the page.
 */
export function InlineStylesheet() {
  const serverCss = useContext(StylesheetContext)
  const serverNonce = useNonce()
  const [{ css, nonce }] = useState<Stylesheet>(() =>
    typeof document === 'undefined' ? { css: serverCss, nonce: serverNonce } : writtenByServer(),
  )
  // The browser hides the nonce attribute, so hydration would see it differ from the property.
  return (
    <style
      id={STYLESHEET_ID}
      nonce={nonce || undefined}
      dangerouslySetInnerHTML={{ __html: css }}
      suppressHydrationWarning
    />
  )
}
