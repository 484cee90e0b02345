import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CertificateList } from '~/components/certificate-list'
import { CourseProgressBar } from '~/components/learning'
import { getServerT } from '~/i18n/i18n.server'
import { requireUser } from '~/edge/guard.server'
import { localizedName } from '~/i18n/localized'
import { listOwnCertificates } from '~/modules/certificates/certificates.server'
import { listLearnerCourses } from '~/modules/progress/progress.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['learning', 'certificates'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const { locale } = args.context
  const t = getServerT(locale, 'learning')
  const now = new Date()
  const courses = (await listLearnerCourses({ userId: user.id })).map(({ title, nextModule, ...course }) => ({
    ...course,
    // Decided on the server, so the page reads the same before and after hydration.
    overdue: course.dueAt !== null && course.completedAt === null && course.dueAt < now,
    title: localizedName(title, locale),
    nextModule: nextModule && { slug: nextModule.slug, title: localizedName(nextModule.title, locale) },
  }))
  return {
    title: t('me.title'),
    inProgress: courses.filter((course) => !course.completedAt),
    completed: courses.filter((course) => course.completedAt),
    certificates: await listOwnCertificates({ userId: user.id, locale }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function MyLearning() {
  const { inProgress, completed, certificates } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  const courseUrl = (slug: string) => href(locale, '/courses/:course', { course: slug })
  return (
    <>
      <h1>{t('me.title')}</h1>
      {inProgress.length + completed.length === 0 ? (
        <section className="card">
          <p>{t('me.none')}</p>
          <Link className="button" to={href(locale, '/courses')}>
            {t('me.browse')}
          </Link>
        </section>
      ) : null}
      {inProgress.length > 0 ? (
        <section aria-labelledby="in-progress-title">
          <h2 id="in-progress-title">{t('me.inProgress')}</h2>
          <ul className="course-list">
            {inProgress.map((course) => (
              <li key={course.courseId} className="card course-card" data-course={course.slug}>
                <h3>
                  <Link to={courseUrl(course.slug)}>{course.title}</Link>
                </h3>
                {course.dueAt ? (
                  <p className={course.overdue ? 'due due--overdue' : 'due'}>
                    {course.overdue
                      ? t('me.overdue', { date: formatDate(course.dueAt, locale) })
                      : t('me.dueOn', { date: formatDate(course.dueAt, locale) })}
                    {course.assigned ? <span className="hint"> · {t('me.assigned')}</span> : null}
                  </p>
                ) : null}
                <CourseProgressBar id={`progress-${course.slug}`} progress={course.progress} />
                {course.nextModule ? (
                  <p>
                    <Link
                      className="button"
                      to={href(locale, '/courses/:course/modules/:module', {
                        course: course.slug,
                        module: course.nextModule.slug,
                      })}
                    >
                      {t('me.continue')}
                    </Link>{' '}
                    <span className="hint">{t('me.nextModule', { module: course.nextModule.title })}</span>
                  </p>
                ) : (
                  <p>{t('me.allModulesDone')}</p>
                )}
                <p className="hint">{t('me.enrolledOn', { date: formatDate(course.enrolledAt, locale) })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {completed.length > 0 ? (
        <section aria-labelledby="completed-title">
          <h2 id="completed-title">{t('me.completed')}</h2>
          <ul className="course-list">
            {completed.map((course) => (
              <li key={course.courseId} className="card course-card" data-course={course.slug}>
                <h3>
                  <Link to={courseUrl(course.slug)}>{course.title}</Link>
                </h3>
                <p>{t('me.completedOn', { date: formatDate(course.completedAt ?? course.enrolledAt, locale) })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <CertificateList certificates={certificates} />
    </>
  )
}
