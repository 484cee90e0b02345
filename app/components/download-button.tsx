import { useState, type MouseEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Spinner } from './submit-button'

/** The file name a response's Content-Disposition gives, or the last part of its address. */
export function downloadName(disposition: string | null, url: string) {
  const named = /filename="?([^";]+)"?/i.exec(disposition ?? '')
  return named?.[1] ?? url.split('/').filter(Boolean).at(-1) ?? 'download'
}

/**
 * A link to a file that takes a moment to make (a certificate PDF): with JavaScript the page fetches
 * it itself and shows that it is being prepared, then hands it to the browser to save; anything but a
 * good answer falls back to following the link, so the learner sees the server's own page. Without
 * JavaScript it is a plain link.
 */
export function DownloadButton({
  href,
  className = 'button',
  children,
}: {
  href: string
  className?: string
  children: ReactNode
}) {
  const { t } = useTranslation('common')
  const [busy, setBusy] = useState(false)
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    try {
      const response = await fetch(href)
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const file = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = file
      link.download = downloadName(response.headers.get('content-disposition'), href)
      link.click()
      setTimeout(() => URL.revokeObjectURL(file), 60_000)
    } catch {
      window.location.assign(href)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <a
        className={busy ? `${className} button--pending` : className}
        href={href}
        onClick={(event) => void onClick(event)}
        aria-disabled={busy || undefined}
      >
        {busy ? <Spinner /> : null}
        {children}
      </a>
      <span className="visually-hidden" role="status">
        {busy ? t('pending.preparingFile') : ''}
      </span>
    </>
  )
}
