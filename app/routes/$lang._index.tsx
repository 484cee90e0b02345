import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getServerT } from '~/i18n/i18n.server'
import { getAdministrationName } from '~/modules/platform/administrations.server'
import { can } from '~/modules/auth/permissions'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export async function loader({ context }: LoaderFunctionArgs) {
  const t = getServerT(context.locale, 'common')
  const user = context.auth?.user ?? null
  const administration = user?.administrationId
    ? await getAdministrationName({ id: user.administrationId, locale: context.locale })
    : null
  return { title: t('home.title'), user, administration }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function Home() {
  const { user, administration } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('common')
  return (
    <>
      <h1>{user ? t('home.title') : t('appName')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {user ? (
        <section className="card" aria-labelledby="me-title">
          <h2 id="me-title">{t('home.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</h2>
          <p>{administration ? t('home.administration', { name: administration }) : t('home.noAdministration')}</p>
          <p>
            <Link className="button" to={href(locale, '/me')}>
              {t('home.myLearning')}
            </Link>
          </p>
          {can(user.role, 'manage:users') ? (
            <p>
              <Link to={href(locale, '/admin/users')}>{t('home.manageUsers')}</Link>
            </p>
          ) : null}
        </section>
      ) : (
        <section className="card">
          <p>{t('home.loginPrompt')}</p>
          <Link className="button" to={href(locale, '/login')}>
            {t('nav.login')}
          </Link>{' '}
          <Link to={href(locale, '/courses')}>{t('home.browseCourses')}</Link>
        </section>
      )}
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('home.whatYouCanDo')}</h2>
        <ul>
          <li>{t('home.forLearners')}</li>
          <li>{t('home.forInstructors')}</li>
          <li>{t('home.forManagers')}</li>
        </ul>
      </section>
    </>
  )
}
