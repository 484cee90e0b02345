import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { CourseMetadataFields } from '~/components/course-metadata-fields'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ConformForm, FormErrors } from '~/components/forms'
import { StudioEditors } from '~/components/studio-editors'
import { StudioModules } from '~/components/studio-modules'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { runStudioCourseAction } from '~/edge/studio-course-actions.server'
import { LOCALES } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedName, readLocalizedText } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { can } from '~/modules/auth/permissions'
import { UpdateCourseSchema } from '~/modules/studio/course.schema'
import { outOfDateCounts } from '~/modules/studio/completeness'
import { getStudioCourse } from '~/modules/studio/courses.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['studio', 'learning'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const course = await getStudioCourse({ slug: args.params.course ?? '', userId: user.id })
  invariantResponse(course, 'Not found', { status: 404 })
  const { title, summary, modules, ...rest } = course
  return {
    title: localizedName(title, args.context.locale),
    course: {
      ...rest,
      texts: { title: readLocalizedText(title), summary: readLocalizedText(summary) },
      modules: modules.map(({ _count, ...module }) => ({
        ...module,
        title: readLocalizedText(module.title),
        published: _count.contents > 0,
      })),
    },
    outOfDate: outOfDateCounts(modules.filter((module) => !module.archivedAt)),
    // Details change here only while the course is a draft; a published one waits for the drafts model.
    canEditDetails: course.canEdit && course.status === 'DRAFT',
    canManageEditors: can(user.role, 'manage:course-editors'),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runStudioCourseAction(args)
}

export default function StudioCourse() {
  const { title, course, outOfDate, canEditDetails, canManageEditors } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const locale = useLocale()
  const { t } = useTranslation(['studio', 'learning'])
  const added = searchParams.get('added')
  const notice =
    moduleNotice(searchParams, t) ??
    (searchParams.has('created')
      ? t('create.created', { slug: course.slug })
      : searchParams.has('saved')
        ? t('page.saved')
        : added
          ? t('editors.added', { email: added })
          : searchParams.has('removed')
            ? t('editors.removed')
            : null)
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio')}>{t('page.back')}</Link>
      </nav>
      <h1>{title}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {course.canEdit ? null : <p className="notice">{t('page.previewOnly')}</p>}
      <CourseDetails course={course} />
      {canEditDetails ? (
        <EditDetailsForm course={course} lastResult={actionData?.form === 'update' ? actionData.result : undefined} />
      ) : null}
      <StudioModules
        courseSlug={course.slug}
        modules={course.modules}
        outOfDate={outOfDate}
        canEdit={course.canEdit}
        lastResult={actionData?.form === 'add-module' ? actionData.result : undefined}
      />
      <section className="card" aria-labelledby="media-title">
        <h2 id="media-title">{t('media.title')}</h2>
        <p>
          {t('media.linkHint')}{' '}
          <Link to={href(locale, '/studio/courses/:course/media', { course: course.slug })}>{t('media.open')}</Link>
        </p>
      </section>
      <StudioEditors
        editors={course.editors}
        canManage={canManageEditors}
        lastResult={actionData?.form === 'add-editor' ? actionData.result : undefined}
      />
    </>
  )
}

/** The module list's own notices, named after the module they concern. */
function moduleNotice(searchParams: URLSearchParams, t: TFunction<['studio', 'learning']>) {
  for (const key of ['moduleAdded', 'moved', 'archived', 'restored'] as const) {
    const module = searchParams.get(key)
    if (module) return t(`module.${key}Notice`, { module })
  }
  return null
}

type Course = ReturnType<typeof useLoaderData<typeof loader>>['course']

function CourseDetails({ course }: { course: Course }) {
  const { t } = useTranslation(['studio', 'learning'])
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">{t('page.details')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('page.address')}</dt>
          <dd>{course.slug}</dd>
        </div>
        <div>
          <dt>{t('page.state')}</dt>
          <dd>{t(`state.${course.status}`)}</dd>
        </div>
        <div>
          <dt>{t('page.category')}</dt>
          <dd>{t(`learning:categories.${course.category}`)}</dd>
        </div>
        <div>
          <dt>{t('page.validity')}</dt>
          <dd>
            {course.certificateValidityMonths
              ? t('page.validityMonths', { count: course.certificateValidityMonths })
              : t('page.validityNone')}
          </dd>
        </div>
        <div>
          <dt>{t('page.passMark')}</dt>
          <dd>
            {course.passMark === null ? t('page.noExam') : t('page.passMarkValue', { passMark: course.passMark })}
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('page.field')}</th>
              {LOCALES.map((language) => (
                <th scope="col" key={language}>
                  {t(`languageName.${language}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['title', 'summary'] as const).map((field) => (
              <tr key={field}>
                <th scope="row">{t(`course.${field}`, { inLanguage: '' }).trim()}</th>
                {LOCALES.map((language) => (
                  <td key={language} lang={course.texts[field][language] ? language : undefined}>
                    {course.texts[field][language] || t('page.notWritten')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function EditDetailsForm({
  course,
  lastResult,
}: {
  course: Course
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('studio')
  const [form, fields] = useForm({
    id: 'update-course',
    lastResult,
    constraint: getZodConstraint(UpdateCourseSchema),
    defaultValue: {
      category: course.category,
      title: course.texts.title,
      summary: course.texts.summary,
      certificateValidityMonths: course.certificateValidityMonths?.toString() ?? '',
      passMark: course.passMark?.toString() ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateCourseSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('page.editTitle')}</h2>
      <p className="hint">{t('page.editHint')}</p>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" className="form form--wide">
        <input type="hidden" name="intent" value="update" />
        <CourseMetadataFields fields={fields} />
        <button type="submit" className="button">
          {t('page.save')}
        </button>
      </ConformForm>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
