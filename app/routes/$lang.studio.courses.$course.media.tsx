import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MediaFiles, MediaUploadForm } from '~/components/studio-media'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { runStudioMediaAction, type StudioMediaActionData } from '~/edge/studio-media-actions.server'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { listCourseMedia } from '~/modules/studio/media.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['studio'] }

/** Any author may look at a course's media; only its editors get the upload form and delete buttons (ADR 023). */
export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const media = await listCourseMedia({ courseSlug: args.params.course ?? '', userId: user.id })
  invariantResponse(media, 'Not found', { status: 404 })
  const { locale } = args.context
  const courseTitle = localizedName(media.course.title, locale)
  return {
    title: getServerT(locale, 'studio')('media.metaTitle', { course: courseTitle }),
    course: { slug: media.course.slug, title: courseTitle, canEdit: media.course.canEdit },
    files: media.files,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runStudioMediaAction(args)
}

export default function StudioCourseMedia() {
  const { course, files } = useLoaderData<typeof loader>()
  // Typed here: what useActionData infers is `any` in this project (the Serialize of single fetch).
  const actionData: StudioMediaActionData | undefined = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const uploaded = searchParams.get('uploaded')
  const deleted = searchParams.get('deleted')
  const notice = uploaded
    ? t('media.uploaded', { name: uploaded })
    : deleted
      ? t('media.deleted', { name: deleted })
      : null
  const refusal = actionData?.form === 'delete' ? actionData : null
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio')}>{t('page.back')}</Link>
        {' / '}
        <Link to={href(locale, '/studio/courses/:course', { course: course.slug })}>{course.title}</Link>
      </nav>
      <h1>{t('media.title')}</h1>
      <p className="lead">{t('media.intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {refusal ? (
        <div className="alert" role="alert">
          <p>
            {t('media.inUse', {
              name: refusal.name,
              modules: refusal.modules
                .map((module) => t('media.quoted', { name: localizedName(module.title, locale) || module.slug }))
                .join(', '),
            })}
          </p>
        </div>
      ) : null}
      {course.canEdit ? (
        // A new form after each upload: with JavaScript the page stays mounted, and would keep the last file's texts.
        <MediaUploadForm
          key={uploaded ?? ''}
          lastResult={actionData?.form === 'upload' ? actionData.result : undefined}
        />
      ) : (
        <p className="notice">{t('page.previewOnly')}</p>
      )}
      <MediaFiles files={files} canEdit={course.canEdit} highlight={uploaded} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
