import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ModulePage, ModuleText } from '~/components/module-page'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { LOCALES } from '~/i18n/config'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { getModulePreview } from '~/modules/studio/preview.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

// "Preview as learner" (issue 14, ADR 022): the learner's module page with the draft's text in this
// language, for authors only. It reads no learner's data and has no form: nothing here writes progress,
// an enrolment or an audit entry.

export const handle = { i18n: ['learning', 'studio'] }

export async function loader(args: LoaderFunctionArgs) {
  requirePermissionOrNotFound(args, 'author:courses')
  const { params, context } = args
  const { locale } = context
  const preview = await getModulePreview({
    courseSlug: params.course ?? '',
    moduleSlug: params.module ?? '',
    locale,
  })
  invariantResponse(preview, 'Not found', { status: 404 })
  const { module, course, html, published } = preview
  // A module untitled in this language is headed by its title in another, marked as such.
  const titleLocale = preview.title ? locale : LOCALES.find((other) => preview.titles[other])
  const title = preview.title || (titleLocale && preview.titles[titleLocale]) || module.slug
  return {
    title: getServerT(locale, 'studio')('preview.pageTitle', { title }),
    heading: title,
    headingLocale: titleLocale === locale ? undefined : titleLocale,
    missingTitle: !preview.title,
    courseSlug: course.slug,
    courseTitle: localizedName(course.title, locale),
    courseDraft: course.status === 'DRAFT',
    moduleSlug: module.slug,
    position: module.position,
    moduleCount: course.moduleCount,
    minutes: module.minutes,
    hasQuiz: module.hasQuiz,
    content: html === null ? null : { html, locale, fallback: false },
    publication: published === null ? null : { at: published, archived: preview.archived },
    previous: preview.previous && { slug: preview.previous.slug, title: localizedName(preview.previous.title, locale) },
    next: preview.next && { slug: preview.next.slug, title: localizedName(preview.next.title, locale) },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(data),
  // A draft is for its authors: never in a search engine, whatever links to it.
  { name: 'robots', content: 'noindex' },
]

type Preview = ReturnType<typeof useLoaderData<typeof loader>>

export default function ModulePreview() {
  const page = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation(['studio', 'learning'])
  const studioCourseUrl = href(locale, '/studio/courses/:course', { course: page.courseSlug })
  return (
    <>
      <PreviewBanner page={page} studioCourseUrl={studioCourseUrl} />
      <ModulePage
        courseTitle={page.courseTitle}
        courseUrl={studioCourseUrl}
        position={page.position}
        moduleCount={page.moduleCount}
        title={page.heading}
        titleLocale={page.headingLocale}
        previous={page.previous}
        next={page.next}
        moduleUrl={(module) =>
          href(locale, '/studio/courses/:course/modules/:module/preview', { course: page.courseSlug, module })
        }
        notice={
          page.missingTitle ? <p className="notice notice--warning">{t(`preview.missingTitle.${locale}`)}</p> : null
        }
      >
        {page.content ? (
          <>
            <ModuleText minutes={page.minutes} content={page.content} revision={null} />
            {/* Where the reader has its quiz link and "Mark as complete": words only, nothing to press. */}
            <section className="card complete-box" aria-label={t('learning:reader.markComplete')}>
              <p>
                {page.hasQuiz
                  ? t('preview.learnerActionsWithQuiz', {
                      quiz: t('learning:quiz.takeQuiz'),
                      complete: t('learning:reader.markComplete'),
                    })
                  : t('preview.learnerActions', { complete: t('learning:reader.markComplete') })}
              </p>
            </section>
          </>
        ) : (
          <p className="notice notice--warning">{t(`preview.missingBody.${locale}`)}</p>
        )}
      </ModulePage>
    </>
  )
}

function PreviewBanner({ page, studioCourseUrl }: { page: Preview; studioCourseUrl: string }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const { publication } = page
  const state = !publication
    ? t('preview.unpublished')
    : publication.archived
      ? t('preview.archived')
      : t('preview.published', { date: formatDate(publication.at, locale) })
  return (
    <div className="notice notice--preview" role="status">
      <p>
        <strong>{t('preview.banner')}</strong>
      </p>
      <p>
        {state}
        {page.courseDraft ? <> {t('preview.courseDraft')}</> : null} {t('preview.nothingRecorded')}
      </p>
      <p className="preview-links">
        <Link to={studioCourseUrl}>{t('preview.backToCourse')}</Link>
        <Link
          to={href(locale, '/studio/courses/:course/modules/:module', {
            course: page.courseSlug,
            module: page.moduleSlug,
          })}
        >
          {t('preview.edit')}
        </Link>
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
