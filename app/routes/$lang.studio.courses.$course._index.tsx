import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useSearchParams,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CourseDetailsCard, fieldLabel } from '~/components/studio-course-details'
import { EditDetails } from '~/components/studio-details-form'
import { StudioEditors } from '~/components/studio-editors'
import { StudioModules } from '~/components/studio-modules'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { runStudioCourseAction } from '~/edge/studio-course-actions.server'
import { isLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedName, readLocalizedText } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { can } from '~/modules/auth/permissions'
import { outOfDateCounts } from '~/modules/studio/completeness'
import { getStudioCourse } from '~/modules/studio/courses.server'
import { quizHref } from '~/modules/studio/quiz-ref'
import type { QuizProblem } from '~/modules/studio/errors'
import { readableParams } from '~/components/studio-quiz/problem-list'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['studio', 'learning'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const course = await getStudioCourse({ slug: args.params.course ?? '', userId: user.id })
  invariantResponse(course, 'Not found', { status: 404 })
  const { details, modules, ...rest } = course
  return {
    // A language not written yet falls back to another, as everywhere else.
    title: localizedName(
      Object.fromEntries(Object.entries(details.published.title).filter(([, text]) => text)),
      args.context.locale,
    ),
    course: {
      ...rest,
      modules: modules.map(({ _count, ...module }) => ({
        ...module,
        title: readLocalizedText(module.title),
        published: _count.contents > 0,
      })),
    },
    details,
    outOfDate: outOfDateCounts(modules.filter((module) => !module.archivedAt)),
    canManageEditors: can(user.role, 'manage:course-editors'),
  }
}

/** After a 409 the page shows the draft as it is now, beside the author's own input (ADR 024). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runStudioCourseAction(args)
}

export default function StudioCourse() {
  const { title, course, details, outOfDate, canManageEditors } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const locale = useLocale()
  const { t } = useTranslation(['studio', 'learning'])
  const notice =
    moduleNotice(searchParams, t) ??
    (searchParams.has('created') ? t('create.created', { slug: course.slug }) : null) ??
    detailsNotice(searchParams, t) ??
    editorsNotice(searchParams, t)
  const detailsAnswer = actionData?.form === 'update' || actionData?.form === 'details' ? actionData : undefined
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
      <CourseDetailsCard
        slug={course.slug}
        state={course.status}
        published={details.published}
        status={details.status}
      />
      {course.canEdit && course.status === 'DRAFT' ? (
        <PublishCourse problems={actionData?.form === 'publish-course' ? actionData.problems : null} />
      ) : null}
      {course.canEdit ? <EditDetails courseState={course.status} details={details} answer={detailsAnswer} /> : null}
      <StudioModules
        courseSlug={course.slug}
        modules={course.modules}
        outOfDate={outOfDate}
        canEdit={course.canEdit}
        lastResult={actionData?.form === 'add-module' ? actionData.result : undefined}
      />
      {details.finalExam ? (
        <section className="card" aria-labelledby="exam-title">
          <h2 id="exam-title">{t('quiz.openExam')}</h2>
          <p>
            <Link to={quizHref(locale, { course: course.slug, module: null })}>{t('quiz.examLink')}</Link>
          </p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="media-title">
        <h2 id="media-title">{t('media.title')}</h2>
        <p>
          {t('media.linkHint')}{' '}
          <Link to={href(locale, '/studio/courses/:course/media', { course: course.slug })}>{t('media.open')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="package-title">
        <h2 id="package-title">{t('packageExport.title')}</h2>
        <p>{t('packageExport.hint')}</p>
        <p>
          {/* A file, not a page: the browser downloads it (a client-side navigation could not). */}
          <a href={href(locale, '/studio/courses/:course/package.zip', { course: course.slug })} download>
            {t('packageExport.download')}
          </a>
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

/** The details forms' notices: saved, published, discarded, a translation marked as up to date. */
function detailsNotice(searchParams: URLSearchParams, t: TFunction<['studio', 'learning']>) {
  if (searchParams.has('saved')) return t('page.saved')
  if (searchParams.has('coursePublished')) return t('coursePublish.done')
  for (const key of ['draftSaved', 'detailsPublished', 'detailsDiscarded', 'unchanged'] as const)
    if (searchParams.has(key)) return t(`details.${key}Notice`)
  const confirmed = searchParams.get('confirmed')
  const [field, language] = confirmed?.split('.') ?? []
  if ((field === 'title' || field === 'summary' || field === 'objectives') && isLocale(language))
    return t('details.confirmedNotice', { field: fieldLabel(t, `${field}.${language}`) })
  return null
}

function editorsNotice(searchParams: URLSearchParams, t: TFunction<['studio', 'learning']>) {
  const added = searchParams.get('added')
  if (added) return t('editors.added', { email: added })
  return searchParams.has('removed') ? t('editors.removed') : null
}

/** The module list's own notices, named after the module they concern. */
function moduleNotice(searchParams: URLSearchParams, t: TFunction<['studio', 'learning']>) {
  for (const key of ['moduleAdded', 'moved', 'archived', 'restored'] as const) {
    const module = searchParams.get(key)
    if (module) return t(`module.${key}Notice`, { module })
  }
  return null
}

/** A course made in the studio reaches learners once published; what stops it is listed when refused. */
function PublishCourse({ problems }: { problems: QuizProblem[] | null }) {
  const { t } = useTranslation('studio')
  return (
    <section className="card" aria-labelledby="publish-course-title">
      <h2 id="publish-course-title">{t('coursePublish.title')}</h2>
      <p>{t('coursePublish.hint')}</p>
      {problems ? (
        <div className="alert" role="alert">
          <p>{t('coursePublish.refused')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{t(problem.message, readableParams(t, problem.params))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post">
        <button type="submit" name="intent" value="publish-course" className="button">
          {t('coursePublish.button')}
        </button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
