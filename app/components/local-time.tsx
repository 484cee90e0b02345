import { formatDateTime, formatLocal, formatTime } from '~/utils/format'
import { useLocale } from '~/i18n/use-locale'
import { useHydrated } from './use-hydrated'

/**
 * A moment in the reader's local time. The server cannot know the reader's time zone, so it renders
 * UTC, marked as such, and the browser switches to its own zone once hydrated — after, not during,
 * hydration, so React finds the server's text unchanged. The database and the server keep UTC.
 */
export function LocalTime({ value, style }: { value: Date | string; style: 'time' | 'dateTime' }) {
  const locale = useLocale()
  const hydrated = useHydrated()
  const iso = new Date(value).toISOString()
  if (!hydrated)
    return (
      <time dateTime={iso}>
        {style === 'time' ? `${formatTime(value, locale)} UTC` : formatDateTime(value, locale)}
      </time>
    )
  return <time dateTime={iso}>{formatLocal(value, locale, style)}</time>
}
