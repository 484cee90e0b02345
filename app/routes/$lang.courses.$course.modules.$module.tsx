import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseProgressBar, IntentButton } from '~/components/learning'
import { FinalExamLink } from '~/components/final-exam-link'
import { ModulePage, ModuleText } from '~/components/module-page'
import { ModuleJobAids } from '~/components/module-job-aids'
import { ModuleReferences } from '~/components/module-references'
import { requireUser } from '~/edge/guard.server'
import { enrolInCourse } from '~/modules/catalog/catalog.server'
import { LearningIntentSchema } from '~/modules/catalog/enrolment.schema'
import { getModuleForReader } from '~/modules/content/reader.server'
import { localizedName } from '~/i18n/localized'
import { shouldRecordOpen } from '~/modules/progress/progress'
import { markModuleComplete, recordModuleOpened } from '~/modules/progress/progress.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { readForm } from '~/edge/request-form.server'

export const handle = { i18n: ['learning'] }

async function findModule(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = requireUser(args)
  const { params, context } = args
  const { locale } = context
  const found = await getModuleForReader({
    courseSlug: params.course ?? '',
    moduleSlug: params.module ?? '',
    locale,
    userId: user.id,
  })
  invariantResponse(found, 'learning:reader.notFound', { status: 404 })
  return { user, locale, found }
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, locale, found } = await findModule(args)
  const { module, course, content, enrolled } = found
  if (enrolled && shouldRecordOpen({ lastOpenedAt: found.lastOpenedAt })) {
    await recordModuleOpened({ userId: user.id, moduleId: module.id })
  }
  // "Mark as complete" leads here from the previous module, which names itself in ?completed=.
  const completedSlug = new URL(args.request.url).searchParams.get('completed')
  const justCompleted = found.previous && found.previous.slug === completedSlug ? found.previous.title : null
  return {
    courseSlug: course.slug,
    title: localizedName(module.title, locale),
    courseTitle: localizedName(course.title, locale),
    position: module.position,
    minutes: module.minutes,
    moduleCount: course.moduleCount,
    enrolled,
    hasQuiz: found.hasQuiz,
    hasFinalExam: found.hasFinalExam,
    // The text is for enrolled learners only: enrolment is what progress and reports count.
    content: enrolled ? content : null,
    references: enrolled ? found.module.references : [],
    jobAids: enrolled
      ? found.module.jobAids.map((aid) => ({ slug: aid.slug, title: localizedName(aid.title, locale) }))
      : [],
    hasGlossary: course.hasGlossary,
    revision: enrolled ? found.revision : null,
    completedAt: found.completedAt,
    progress: enrolled ? found.progress : null,
    previous: found.previous && { slug: found.previous.slug, title: localizedName(found.previous.title, locale) },
    next: found.next && { slug: found.next.slug, title: localizedName(found.next.title, locale) },
    justCompleted: justCompleted ? localizedName(justCompleted, locale) : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const { user, found } = await findModule(args)
  const parsed = LearningIntentSchema.safeParse(Object.fromEntries(await readForm(args.request)))
  invariantResponse(parsed.success, 'common:errors.unknownForm', { status: 400 })
  const { locale } = args.context
  const here = href(locale, '/courses/:course/modules/:module', {
    course: found.course.slug,
    module: found.module.slug,
  })
  if (parsed.data.intent === 'enrol') {
    const enrolled = await enrolInCourse({ userId: user.id, courseId: found.course.id })
    invariantResponse(enrolled, 'learning:reader.notFound', { status: 404 })
    return redirect(here)
  }
  // Not enrolled (a stale tab, a hand-made post): back to the page, which offers the Enrol button.
  if (!found.enrolled) return redirect(here)
  const completed = await markModuleComplete({ userId: user.id, moduleId: found.module.id })
  invariantResponse(completed, 'learning:reader.notFound', { status: 404 })
  const query = { completed: found.module.slug }
  // On to the next module, or back to the course page after the last one.
  const after = found.next
    ? href(locale, '/courses/:course/modules/:module', { course: found.course.slug, module: found.next.slug, query })
    : href(locale, '/courses/:course', { course: found.course.slug, query })
  return redirect(after)
}

export default function ModuleReader() {
  const page = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation(['learning', 'common'])
  return (
    <ModulePage
      courseTitle={page.courseTitle}
      courseUrl={href(locale, '/courses/:course', { course: page.courseSlug })}
      position={page.position}
      moduleCount={page.moduleCount}
      title={page.title}
      previous={page.previous}
      next={page.next}
      moduleUrl={(module) => href(locale, '/courses/:course/modules/:module', { course: page.courseSlug, module })}
      notice={
        page.justCompleted ? (
          <p className="notice" role="status">
            {t('reader.justCompleted', { module: page.justCompleted })}
          </p>
        ) : null
      }
    >
      {page.progress ? <CourseProgressBar id="course-progress" progress={page.progress} /> : null}
      {!page.enrolled ? (
        <section className="card" aria-labelledby="enrol-title">
          <h2 id="enrol-title">{t('reader.notEnrolledTitle')}</h2>
          <p>{t('reader.notEnrolledText', { course: page.courseTitle })}</p>
          <IntentButton intent="enrol">{t('course.enrol')}</IntentButton>
        </section>
      ) : (
        <ModuleBody page={page} />
      )}
    </ModulePage>
  )
}

function ModuleBody({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const locale = useLocale()
  const { t } = useTranslation(['learning', 'common'])
  if (!page.content) return <p>{t('reader.noContent')}</p>
  return (
    <>
      <ModuleText minutes={page.minutes} content={page.content} revision={page.revision} />
      <ModuleJobAids courseSlug={page.courseSlug} aids={page.jobAids} />
      <ModuleReferences references={page.references} />
      {page.hasGlossary ? (
        <p>
          <Link to={href(locale, '/courses/:course/glossary', { course: page.courseSlug })}>
            {t('reader.glossaryLink')}
          </Link>
        </p>
      ) : null}
      {page.hasQuiz ? (
        <p>
          <Link className="button button--secondary" to="quiz">
            {t('quiz.takeQuiz')}
          </Link>
        </p>
      ) : null}
      <section className="card complete-box" aria-label={t('reader.markComplete')}>
        {page.completedAt ? (
          <p role="status">{t('reader.completed', { date: formatDate(page.completedAt, locale) })}</p>
        ) : (
          <IntentButton intent="complete">{t('reader.markComplete')}</IntentButton>
        )}
      </section>
      {/* After the last module: the exam, or how many modules it still waits for. */}
      {page.hasFinalExam && !page.next && page.progress ? (
        <FinalExamLink courseSlug={page.courseSlug} modulesLeft={page.progress.total - page.progress.completed} />
      ) : null}
    </>
  )
}
