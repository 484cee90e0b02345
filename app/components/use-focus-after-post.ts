import { useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/** What a form's result puts on the page, first in page order wins: a field in error, an error, a notice. */
const RESULT = '[aria-invalid="true"], [role="alert"], .notice[role="status"], .field-error'

/**
 * After a form posts and its result is on the page, the keyboard focus goes to the result: the first
 * field in error or error message, else the confirmation — not left on a button that may be gone, or
 * on the page's start. A screen reader then reads what happened. Without JavaScript the browser starts
 * at the top of the new page and fields in error take `autofocus` (forms.tsx).
 */
export function useFocusAfterPost() {
  const navigation = useNavigation()
  const posted = useRef(false)
  useEffect(() => {
    if (navigation.state !== 'idle') {
      if (navigation.formMethod && navigation.formMethod.toUpperCase() !== 'GET') posted.current = true
      return
    }
    if (!posted.current) return
    posted.current = false
    const main = document.getElementById('main')
    if (!main || focusResult(main)) return
    // A Conform form shows the server's reply a render later: wait a moment for it to appear.
    const observer = new MutationObserver(() => focusResult(main) && observer.disconnect())
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-invalid'] })
    const stop = setTimeout(() => observer.disconnect(), RESULT_WAIT_MS)
    return () => {
      observer.disconnect()
      clearTimeout(stop)
    }
  }, [navigation.state, navigation.formMethod])
}

const RESULT_WAIT_MS = 1000

function focusResult(main: HTMLElement) {
  const result = main.querySelector<HTMLElement>(RESULT)
  if (!result) return false
  if (!result.matches('input, select, textarea, button, a[href]')) result.tabIndex = -1
  result.focus()
  return true
}
