import { useSyncExternalStore } from 'react'

const subscribeToNothing = () => () => {}

/** False in the server's render and while React hydrates it, true from then on. */
export function useHydrated() {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  )
}
