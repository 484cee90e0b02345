import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseIllustration } from '~/components/course-illustration'
import { CourseProgressBar, Duration } from '~/components/learning'
import { getServerT } from '~/i18n/i18n.server'
import { listCatalogue } from '~/modules/catalog/catalog.server'
import { localizedName } from '~/i18n/localized'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['learning'] }

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context
  const t = getServerT(context.locale, 'learning')
  const userId = context.auth?.user.id ?? null
  const courses = (await listCatalogue({ userId })).map(({ title, summary, ...course }) => ({
    ...course,
    title: localizedName(title, locale),
    summary: localizedName(summary, locale),
  }))
  return { title: t('catalogue.title'), signedIn: userId !== null, courses }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function Catalogue() {
  const { courses, signedIn } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  return (
    <>
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.intro')}</p>
      {courses.length === 0 ? <p>{t('catalogue.empty')}</p> : null}
      <ul className="course-list">
        {courses.map((course) => (
          <li key={course.id} className="card course-card">
            <CourseIllustration slug={course.slug} />
            <h2>
              <Link to={href(locale, '/courses/:course', { course: course.slug })}>{course.title}</Link>
            </h2>
            <p>{course.summary}</p>
            <dl className="facts">
              <div>
                <dt>{t('catalogue.category')}</dt>
                <dd>{t(`categories.${course.category}`)}</dd>
              </div>
              <div>
                <dt>{t('catalogue.duration')}</dt>
                <dd>
                  <Duration minutes={course.minutes} /> · {t('modules', { count: course.moduleCount })}
                </dd>
              </div>
              {signedIn ? (
                <div>
                  <dt>{t('catalogue.yourStatus')}</dt>
                  <dd data-status={course.status}>{t(`status.${course.status}`)}</dd>
                </div>
              ) : null}
            </dl>
            {course.progress ? <CourseProgressBar id={`progress-${course.slug}`} progress={course.progress} /> : null}
          </li>
        ))}
      </ul>
    </>
  )
}
