import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FinalExamLink } from '~/components/final-exam-link'
import { CourseProgressBar, IntentButton } from '~/components/learning'
import { requireUser } from '~/edge/guard.server'
import { enrolInCourse, getCourseOverview } from '~/modules/catalog/catalog.server'
import { LearningIntentSchema } from '~/modules/catalog/enrolment.schema'
import { localizedName, readLocalizedList } from '~/i18n/localized'
import { getCourseProgress } from '~/modules/progress/progress.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { type DescribedHandle, titleMeta } from '~/utils/meta'
import { NotRenewable, renewExpiredCertificate } from '~/modules/certificates/renewal.server'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { readForm } from '~/edge/request-form.server'

export const handle: DescribedHandle & { i18n: string[] } = {
  i18n: ['learning'],
  description: (data) => (data as { summary?: string }).summary,
}

const FINAL_EXAM_HINTS: Record<string, string> = {
  required: 'course.finalExamRequired',
  optional: 'course.finalExamOptional',
  none: 'course.finalExamNone',
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context
  const userId = context.auth?.user.id ?? null
  const course = await getCourseOverview({ slug: params.course ?? '', userId })
  invariantResponse(course, 'learning:course.notFound', { status: 404 })
  const progress = userId && course.enrolment ? await getCourseProgress({ userId, courseId: course.id }) : null
  // The last module's "Mark as complete" leads back here and names itself in ?completed=.
  const completedSlug = new URL(request.url).searchParams.get('completed')
  const justCompleted = course.modules.find((module) => module.slug === completedSlug && module.completedAt)
  const objectives = readLocalizedList(course.objectives)[locale] ?? []
  return {
    slug: course.slug,
    title: localizedName(course.title, locale),
    summary: localizedName(course.summary, locale),
    objectives,
    category: course.category,
    finalExamRule: course.finalExamRule,
    hasFinalExam: course.hasFinalExam,
    signedIn: userId !== null,
    justCompleted: justCompleted ? localizedName(justCompleted.title, locale) : null,
    enrolment: course.enrolment,
    progress,
    modules: course.modules.map((module) => ({
      slug: module.slug,
      position: module.position,
      minutes: module.minutes,
      title: localizedName(module.title, locale),
      status: module.completedAt ? 'completed' : module.openedAt ? 'opened' : 'not-started',
    })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args)
  const { params, request, context } = args
  const parsed = LearningIntentSchema.safeParse(Object.fromEntries(await readForm(request)))
  invariantResponse(parsed.success && parsed.data.intent !== 'complete', 'common:errors.unknownForm', { status: 400 })
  if (parsed.data.intent === 'renew') {
    try {
      await renewExpiredCertificate({ userId: user.id, courseSlug: params.course ?? '' })
    } catch (error) {
      invariantResponse(!(error instanceof NotRenewable), 'certificates:mine.notRenewable', { status: 409 })
      throw error
    }
    return redirect(href(context.locale, '/courses/:course/exam', { course: params.course ?? '' }))
  }
  const course = await getCourseOverview({ slug: params.course ?? '', userId: user.id })
  const enrolled = course && (await enrolInCourse({ userId: user.id, courseId: course.id }))
  invariantResponse(enrolled, 'learning:course.notFound', { status: 404 })
  const next = course.modules.find((module) => !module.completedAt) ?? course.modules[0]
  return redirect(
    next
      ? href(context.locale, '/courses/:course/modules/:module', { course: course.slug, module: next.slug })
      : href(context.locale, '/courses/:course', { course: course.slug }),
  )
}

export default function CoursePage() {
  const course = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  const next = course.modules.find((module) => module.status !== 'completed')
  const moduleUrl = (module: string) =>
    href(locale, '/courses/:course/modules/:module', { course: course.slug, module })
  return (
    <>
      {course.justCompleted ? (
        <p className="notice" role="status">
          {t('reader.justCompleted', { module: course.justCompleted })}
        </p>
      ) : null}
      <p className="eyebrow">{t(`categories.${course.category}`)}</p>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <section className="card" aria-labelledby="enrolment-title">
        <h2 id="enrolment-title" className="visually-hidden">
          {t('catalogue.yourStatus')}
        </h2>
        {course.enrolment ? (
          <>
            <p>
              {course.enrolment.completedAt
                ? t('course.completedOn', { date: formatDate(course.enrolment.completedAt, locale) })
                : t('course.enrolled')}
            </p>
            {course.progress ? <CourseProgressBar id="course-progress" progress={course.progress} /> : null}
            {next ? (
              <Link className="button" to={moduleUrl(next.slug)}>
                {next.status === 'not-started' && next.position === 1
                  ? t('course.start')
                  : t('course.continue', { module: next.title })}
              </Link>
            ) : course.finalExamRule === 'required' && !course.enrolment.completedAt ? (
              <p>{t('course.modulesDone')}</p>
            ) : null}
            {course.hasFinalExam ? (
              <FinalExamLink
                courseSlug={course.slug}
                modulesLeft={course.modules.filter((module) => module.status !== 'completed').length}
                primary={!next}
              />
            ) : null}
          </>
        ) : course.signedIn ? (
          <IntentButton intent="enrol">{t('course.enrol')}</IntentButton>
        ) : (
          <Link
            className="button"
            to={href(locale, '/login', {
              query: { redirectTo: href(locale, '/courses/:course', { course: course.slug }) },
            })}
          >
            {t('course.loginToEnrol')}
          </Link>
        )}
        <p className="hint">{t(FINAL_EXAM_HINTS[course.finalExamRule] ?? 'course.finalExamNone')}</p>
      </section>
      {course.objectives.length > 0 ? (
        <section aria-labelledby="objectives-title">
          <h2 id="objectives-title">{t('course.objectives')}</h2>
          <ul>
            {/* By position: an author may write the same objective twice. */}
            {course.objectives.map((objective, index) => (
              <li key={index}>{objective}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t('course.modulesTitle')}</h2>
        <ol className="module-list">
          {course.modules.map((module) => (
            <li key={module.slug} data-status={module.status}>
              {course.enrolment ? <Link to={moduleUrl(module.slug)}>{module.title}</Link> : module.title}
              <span className="module-list__meta">
                {t('reader.minutes', { minutes: module.minutes })}
                {course.enrolment ? ` · ${t(`course.moduleStatus.${module.status}`)}` : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
