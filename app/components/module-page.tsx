import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import { formatDate } from '~/utils/format'

// The learner's module page, shared by the reader and the studio's preview of a draft (ADR 022), so an
// author previews the very markup learners get: the breadcrumb, the heading, the text, the module nav.

interface Neighbour {
  slug: string
  title: string
}

/**
 * The page around a module's text. `notice` goes above the heading (the reader's "marked as complete"),
 * `children` below it; `moduleUrl` and `courseUrl` say where the nav leads (the reader, or the preview).
 */
export function ModulePage({
  courseTitle,
  courseUrl,
  position,
  moduleCount,
  title,
  titleLocale,
  previous,
  next,
  moduleUrl,
  notice,
  children,
}: {
  courseTitle: string
  courseUrl: string
  position: number
  moduleCount: number
  title: string
  /** The heading's language when it is not the page's (a preview of a module untitled in it). */
  titleLocale?: string
  previous: Neighbour | null
  next: Neighbour | null
  moduleUrl: (slug: string) => string
  notice?: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation('learning')
  return (
    <article className="reader">
      <nav aria-label={t('reader.breadcrumb')} className="breadcrumb">
        <Link to={courseUrl}>{courseTitle}</Link>
        <span aria-hidden="true"> › </span>
        <span>{t('reader.modulePosition', { position, total: moduleCount })}</span>
      </nav>
      {notice}
      <h1 lang={titleLocale}>{title}</h1>
      {children}
      <nav aria-label={t('course.modulesTitle')} className="pager">
        {previous ? (
          <Link rel="prev" to={moduleUrl(previous.slug)}>
            <span className="pager__label">{t('reader.previous')}</span> {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link rel="next" to={moduleUrl(next.slug)}>
            <span className="pager__label">{t('reader.next')}</span> {next.title}
          </Link>
        ) : (
          <Link to={courseUrl}>{t('reader.backToCourse')}</Link>
        )}
      </nav>
    </article>
  )
}

/**
 * A module's text: reading time (and the published revision's date), the notices about its language,
 * and the body. The HTML comes from the one Markdown renderer and sanitiser (render-markdown.ts): stored
 * by the importer or a publish for the reader, rendered from the draft for the preview.
 */
export function ModuleText({
  minutes,
  content,
  revision,
}: {
  minutes: number
  content: { html: string; locale: string; fallback: boolean }
  revision: { publishedAt: Date; outOfDate: { against: Locale; since: Date } | null } | null
}) {
  const locale = useLocale()
  const { t } = useTranslation(['learning', 'common'])
  return (
    <>
      <p className="module-meta">
        {t('reader.minutes', { minutes })}
        {revision ? <> · {t('reader.updatedOn', { date: formatDate(revision.publishedAt, locale) })}</> : null}
      </p>
      {revision?.outOfDate ? (
        <p className="notice notice--warning" role="note">
          {t(`reader.outdated.${revision.outOfDate.against}`, { date: formatDate(revision.outOfDate.since, locale) })}
        </p>
      ) : null}
      {content.fallback ? (
        <p className="notice notice--warning" role="note">
          {t('reader.fallbackNotice', { language: t(`common:language.${content.locale}`) })}
        </p>
      ) : null}
      <div
        className="prose"
        lang={content.locale}
        // Rendered from Markdown and sanitised (render-markdown.ts); never raw author HTML.
        dangerouslySetInnerHTML={{ __html: content.html }}
      />
    </>
  )
}
