import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LOCALES } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { getServerT } from '~/i18n/i18n.server'
import { useLocale } from '~/i18n/use-locale'
import { glossaryEntryId } from '~/modules/content/glossary.schema'
import { getCourseGlossary } from '~/modules/content/glossary.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['learning'] }

/*
 * A course's EN–RU glossary (issue 17), public like the course page: each term in the reader's language
 * with its equivalent in the other, and its definition. Module bodies link the first use of a term here,
 * to the entry's id; terms are in the reader's alphabetical order.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { locale } = context
  const glossary = await getCourseGlossary({ slug: params.course ?? '' })
  invariantResponse(glossary, 'learning:glossary.notFound', { status: 404 })
  const other = LOCALES.find((each) => each !== locale) ?? locale
  const collator = new Intl.Collator(locale)
  const terms = glossary.terms
    .map((term) => ({
      id: glossaryEntryId(term.slug),
      term: localizedName(term.term, locale),
      other: term.term[other] ?? null,
      definition: localizedName(term.definition, locale),
    }))
    .sort((a, b) => collator.compare(a.term, b.term))
  const course = localizedName(glossary.title, locale)
  return { title: getServerT(locale, 'learning')('glossary.title', { course }), slug: glossary.slug, other, terms }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export default function CourseGlossary() {
  const { title, slug, other, terms } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const { t } = useTranslation('learning')
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{terms.length > 0 ? t('glossary.intro') : t('glossary.empty')}</p>
      <dl className="glossary">
        {terms.map((entry) => (
          <div key={entry.id} id={entry.id} className="glossary__entry" tabIndex={-1}>
            <dt>{entry.term}</dt>
            <dd>
              {entry.other ? (
                <p className="glossary__other">
                  {t(other === 'en' ? 'glossary.otherLanguage' : 'glossary.otherLanguageRu')}{' '}
                  <span lang={other}>{entry.other}</span>
                </p>
              ) : null}
              <p>{entry.definition}</p>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={href(locale, '/courses/:course', { course: slug })}>{t('glossary.backToCourse')}</Link>
      </p>
    </>
  )
}
