import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ChooseAdministration } from '~/components/administration-overview'
import { CourseCompletion } from '~/components/dashboard/course-completion'
import { DashboardFigures } from '~/components/dashboard/dashboard-figures'
import { DueSoonTable } from '~/components/dashboard/due-soon-table'
import { UnitRanking } from '~/components/dashboard/unit-ranking'
import { requireManagedAdministration } from '~/edge/manage-scope.server'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { getCoordinatorDashboard } from '~/modules/manage/dashboard.server'
import { getAdministrationOverview } from '~/modules/manage/overview.server'
import dashboardStyles from '~/styles/dashboard.css?url'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['manage'] }

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardStyles }]

export async function loader(args: LoaderFunctionArgs) {
  const { locale, administration } = await requireManagedAdministration(args)
  const t = getServerT(locale, 'manage')
  if (!administration) {
    const administrations = (await getAdministrationOverview()).map(({ name, ...row }) => ({
      ...row,
      name: localizedName(name, locale),
    }))
    return { title: t('chooseAdministration'), administration: null, administrations } as const
  }
  const { courses, dueSoon, ...dashboard } = await getCoordinatorDashboard({ administrationId: administration.id })
  return {
    title: t('dashboard.titleFor', { administration: administration.name }),
    administration,
    ...dashboard,
    courses: courses.map(({ title, ...course }) => ({ ...course, title: localizedName(title, locale) })),
    dueSoon: {
      total: dueSoon.total,
      rows: dueSoon.rows.map(({ course, ...row }) => ({
        ...row,
        course: { slug: course.slug, title: localizedName(course.title, locale) },
      })),
    },
  } as const
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function ManageDashboard() {
  const loaded = useLoaderData<typeof loader>()
  if (!loaded.administration) return <ChooseAdministration rows={loaded.administrations} />
  return <Dashboard {...loaded} />
}

function Dashboard({
  administration,
  officers,
  courses,
  overdue,
  completions,
  units,
  dueSoon,
}: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { units: unknown }>) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const query = { administration: administration.code }
  return (
    <>
      <h1>{t('dashboard.titleFor', { administration: administration.name })}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      <nav aria-label={t('dashboard.pages')} className="dashboard-links">
        <Link className="button button--secondary" to={href(locale, '/manage/officers', { query })}>
          {t('dashboard.officersLink')}
        </Link>
        <Link className="button button--secondary" to={href(locale, '/manage/matrix', { query })}>
          {t('matrix.link')}
        </Link>
      </nav>
      <DashboardFigures
        administrationCode={administration.code}
        officers={officers}
        overdue={overdue}
        courses={courses}
        completions={completions}
      />
      <CourseCompletion administrationCode={administration.code} courses={courses} />
      <UnitRanking units={units} />
      <DueSoonTable administrationCode={administration.code} dueSoon={dueSoon} />
    </>
  )
}
