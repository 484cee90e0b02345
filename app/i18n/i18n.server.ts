import { createInstance } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { i18nextOptions, type Locale } from './config'
import { resources } from './resources'

// One i18next instance for the whole process, holding every language; requests get a cheap clone.
// Creating and initialising an instance per request cost ~14% of a page's server time.
const shared = createInstance({ ...i18nextOptions, resources, initImmediate: false })
void shared.use(initReactI18next).init()

/** An i18next instance in `locale` for rendering one request. */
export function i18nForLocale(locale: Locale) {
  return shared.cloneInstance({ lng: locale, initImmediate: false })
}

/** A `t` in `locale` for loaders, actions and e-mails (titles and other server-made text). */
export function getServerT(locale: Locale, namespace: string) {
  return shared.getFixedT(locale, namespace)
}

/** `getServerT` for one namespace in any language: what a domain function that writes e-mails is given. */
export function translatorFor(namespace: string) {
  return (locale: Locale) => getServerT(locale, namespace)
}
