import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useHydrated } from './use-hydrated'

/**
 * A link to pass on (an invitation, a sign-in link): always selectable text, and once the page runs
 * JavaScript in a browser with the Clipboard API, a button that copies it and says so in a live region.
 * `label` names whose link it is, for a list of several.
 */
export function CopyLink({ link, label }: { link: string; label?: string }) {
  const { t } = useTranslation('common')
  const hydrated = useHydrated()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const canCopy = hydrated && typeof navigator !== 'undefined' && Boolean(navigator.clipboard)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setState('copied')
    } catch {
      // Refused (no permission, page not focused): the text is still there to select by hand.
      setState('failed')
    }
  }
  return (
    <span className="copy-link">
      <code className="invitation-link">{link}</code>
      {canCopy ? (
        <>
          {' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={copy}
            aria-label={label ? t('copy.buttonFor', { name: label }) : undefined}
          >
            {t('copy.button')}
          </button>{' '}
          <span aria-live="polite" className="hint">
            {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
          </span>
        </>
      ) : null}
    </span>
  )
}
