import { useBlocker } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * "Changes not saved": leaving the page while a draft is not saved yet asks first — the browser's own
 * question for a reload, a closed tab or another site, and this dialog for a link inside the app.
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useTranslation('studio')
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  )
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    if (!when) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [when])

  useEffect(() => {
    if (blocker.state === 'blocked' && !dialog.current?.open) dialog.current?.showModal()
    if (blocker.state !== 'blocked' && dialog.current?.open) dialog.current.close()
  }, [blocker.state])

  return (
    <dialog
      ref={dialog}
      className="unsaved-dialog"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      onCancel={() => blocker.reset?.()}
    >
      <h2 id="unsaved-title">{t('editor.unsaved.title')}</h2>
      <p id="unsaved-text">{t('editor.unsaved.text')}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => blocker.reset?.()}>
          {t('editor.unsaved.stay')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => blocker.proceed?.()}>
          {t('editor.unsaved.leave')}
        </button>
      </p>
    </dialog>
  )
}
