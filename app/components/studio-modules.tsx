import { type SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, TextField, useValidatedForm } from '~/components/forms'
import { ScrollTable } from '~/components/data-table'
import { IntentButton } from '~/components/intent-button'
import { LOCALES, type Locale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { AddModuleSchema } from '~/modules/studio/module.schema'
import { quizHref } from '~/modules/studio/quiz-ref'

interface StudioModule {
  slug: string
  position: number
  /** A language may not be written yet. */
  title: Partial<Record<Locale, string>>
  archivedAt: Date | null
  published: boolean
  /** The languages whose text is out of date against the other's (ADR 019). */
  outOfDate: Locale[]
}

/**
 * A course's modules in order, each with a link to its preview (any author may look); its editors
 * (`canEdit`) also get the row buttons and the add form.
 */
export function StudioModules({
  courseSlug,
  modules,
  outOfDate,
  canEdit,
  lastResult,
}: {
  courseSlug: string
  modules: StudioModule[]
  /** Per language, how many current modules are out of date. */
  outOfDate: Record<Locale, number>
  canEdit: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('studio')
  return (
    <section className="card" aria-labelledby="modules-title">
      <h2 id="modules-title">{t('page.modules')}</h2>
      <OutOfDateSummary counts={outOfDate} />
      {modules.length === 0 ? (
        <p>{t('page.modulesEmpty')}</p>
      ) : (
        <ScrollTable
          caption={t('page.modulesCaption')}
          captionHidden
          stackOnPhone
          columns={[
            t('page.position'),
            ...LOCALES.map((language) => t(`languageName.${language}`)),
            t('page.moduleState'),
            t('module.actions'),
          ]}
        >
          {modules.map((module, index) => (
            <ModuleRow
              key={module.slug}
              courseSlug={courseSlug}
              module={module}
              canEdit={canEdit}
              first={index === 0}
              last={index === modules.length - 1}
            />
          ))}
        </ScrollTable>
      )}
      {canEdit ? <AddModuleForm lastResult={lastResult} /> : null}
    </section>
  )
}

function OutOfDateSummary({ counts }: { counts: Record<Locale, number> }) {
  const { t } = useTranslation('studio')
  const languages = LOCALES.filter((language) => counts[language] > 0)
  if (languages.length === 0) return null
  return (
    <ul className="language-states" aria-label={t('page.outOfDateSummary')}>
      {languages.map((language) => (
        <li key={language}>
          {t('languageState.outOfDate', { language: t(`languageName.${language}`), count: counts[language] })}
        </li>
      ))}
    </ul>
  )
}

function ModuleRow({
  courseSlug,
  module,
  canEdit,
  first,
  last,
}: {
  courseSlug: string
  module: StudioModule
  canEdit: boolean
  first: boolean
  last: boolean
}) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const name = module.title[locale] || module.slug
  const state = !module.published
    ? t('module.unpublished')
    : module.archivedAt
      ? t('page.moduleArchived')
      : t('page.moduleCurrent')
  const button = (intent: string, label: string, accessibleName: string) => (
    <IntentButton field="module" id={module.slug} intent={intent} label={label} accessibleName={accessibleName} />
  )
  return (
    <tr>
      <td data-label={t('page.position')}>{module.position}</td>
      {LOCALES.map((language) => (
        <td key={language} data-label={t(`languageName.${language}`)}>
          <span lang={module.title[language] ? language : undefined}>
            {module.title[language] || t('page.notWritten')}
          </span>
          {module.outOfDate.includes(language) ? (
            <span className="badge" lang={locale}>
              {t('page.moduleOutOfDate')}
            </span>
          ) : null}
        </td>
      ))}
      <td data-label={t('page.moduleState')}>{state}</td>
      <td data-label={t('module.actions')}>
        <div className="row-actions">
          <Link
            to={href(locale, '/studio/courses/:course/modules/:module', { course: courseSlug, module: module.slug })}
          >
            {t(canEdit ? 'editor.edit' : 'editor.open')}
            <span className="visually-hidden"> {t('quoted', { name })}</span>
          </Link>
          <Link
            to={href(locale, '/studio/courses/:course/modules/:module/preview', {
              course: courseSlug,
              module: module.slug,
            })}
          >
            {t('module.preview')}
            <span className="visually-hidden"> {t('quoted', { name })}</span>
          </Link>
          <Link to={quizHref(locale, { course: courseSlug, module: module.slug })}>
            {t('quiz.open')}
            <span className="visually-hidden"> {t('quoted', { name })}</span>
          </Link>
          {canEdit ? (
            <>
              {first ? null : button('move-up', t('module.moveUp'), t('module.moveUpLabel', { name }))}
              {last ? null : button('move-down', t('module.moveDown'), t('module.moveDownLabel', { name }))}
              {module.archivedAt === null
                ? button('archive-module', t('module.archive'), t('module.archiveLabel', { name }))
                : module.published
                  ? button('restore-module', t('module.restore'), t('module.restoreLabel', { name }))
                  : null}
            </>
          ) : null}
        </div>
      </td>
    </tr>
  )
}

function AddModuleForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('studio')
  const [form, fields] = useValidatedForm(AddModuleSchema, {
    id: 'add-module',
    lastResult,
  })
  const titles = fields.title.getFieldset()
  return (
    <>
      <h3 id="add-module-title">{t('module.addTitle')}</h3>
      <p className="hint">{t('module.addHint')}</p>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" className="form form--wide" aria-labelledby="add-module-title">
        <input type="hidden" name="intent" value="add-module" />
        <TextField
          meta={fields.slug}
          label={t('module.slug')}
          hint={t('module.slugHint')}
          autoComplete="off"
          ns="studio"
        />
        <div className="grid-2">
          {LOCALES.map((language) => (
            <TextField
              key={language}
              meta={titles[language]}
              label={t('module.title', { inLanguage: t(`inLanguage.${language}`) })}
              autoComplete="off"
              ns="studio"
            />
          ))}
        </div>
        <TextField meta={fields.minutes} label={t('module.minutes')} type="number" ns="studio" />
        <button type="submit" className="button">
          {t('module.add')}
        </button>
      </ConformForm>
    </>
  )
}
