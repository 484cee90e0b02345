import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, switchLocalePath, type Locale } from '~/i18n/config'
import { navigationFor } from './navigation'
import type { SessionUser } from '~/modules/auth/user'
import { href } from '~/i18n/href'
import { SubmitButton } from './submit-button'

export function AppShell({
  user,
  locale,
  children,
}: {
  user: SessionUser | null
  locale: Locale
  children: ReactNode
}) {
  const { t } = useTranslation('common')
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={href(locale, '/')} className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('appName')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              {navigationFor(user?.role ?? null).map((item) => (
                <li key={item.path}>
                  <NavLink to={href(locale, item.path)} end={item.path === '/'}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
              <li>
                {user ? (
                  <Form method="post" action={href(locale, '/logout')}>
                    <SubmitButton className="link-button">{t('nav.logout')}</SubmitButton>
                  </Form>
                ) : (
                  <NavLink to={href(locale, '/login')}>{t('nav.login')}</NavLink>
                )}
              </li>
            </ul>
          </nav>
          <LanguageSwitch current={locale} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('footer.text')} <Link to={href(locale, '/verify')}>{t('footer.verify')}</Link>
        </p>
      </footer>
    </>
  )
}

function LanguageSwitch({ current }: { current: Locale }) {
  const { t } = useTranslation('common')
  const { pathname, search } = useLocation()
  return (
    <nav aria-label={t('language.label')} className="language-switch">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            {/* A full page load: the new language's strings arrive with the page, also without JavaScript. */}
            <a
              href={switchLocalePath({ pathname, search, to: locale })}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
            >
              {t(`language.${locale}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
