import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
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
          <SiteMenu>
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
          </SiteMenu>
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

/** Where the whole navigation fits on the band; the same width as in app.css. */
const WIDE_HEADER = '(min-width: 37.5rem)'

/**
 * Below 600 px the navigation, sign-out and language folds behind one "Menu" button, so the header is
 * one short line on a phone (ADR 035). A `<details>` opens and closes without JavaScript; from 600 px
 * the stylesheet shows its content and hides the button. A client-side navigation on a phone closes it.
 */
function SiteMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common')
  const menu = useRef<HTMLDetailsElement>(null)
  const { pathname, search } = useLocation()
  // Open whenever the screen is wide, for browsers whose stylesheet cannot show a closed <details>.
  useEffect(() => {
    const wide = window.matchMedia(WIDE_HEADER)
    const follow = () => {
      if (menu.current) menu.current.open = wide.matches
    }
    follow()
    wide.addEventListener('change', follow)
    return () => wide.removeEventListener('change', follow)
  }, [pathname, search])
  return (
    <details className="site-menu" ref={menu}>
      <summary className="site-menu__button">
        <svg className="site-menu__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M2 5h16M2 10h16M2 15h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {t('nav.menu')}
      </summary>
      <div className="site-menu__content">{children}</div>
    </details>
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
