import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import resourcesToBackend from 'i18next-resources-to-backend'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { getInitialNamespaces } from 'remix-i18next/client'
import { i18nextOptions } from '~/i18n/config'

// Only the current language's namespaces are fetched, each as its own small chunk.
const localeFiles = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { import: 'default' })

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(
      resourcesToBackend((lng: string, ns: string) => {
        const load = localeFiles[`./locales/${lng}/${ns}.json`]
        return load ? load() : Promise.resolve({})
      }),
    )
    .init({ ...i18nextOptions, lng: document.documentElement.lang, ns: getInitialNamespaces() })

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
