import { createContext, useContext } from 'react'

const NonceContext = createContext('')

/** entry.server.tsx provides the response's Content-Security-Policy nonce (`context.cspNonce`). */
export const NonceProvider = NonceContext.Provider

/**
 * The nonce that lets this page's inline scripts run. Empty in the browser: inline scripts are only
 * written by the server, and a browser hides a parsed nonce from the page anyway.
 */
export function useNonce(): string {
  return useContext(NonceContext)
}
