import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextAreaField, TextField } from '~/components/forms'
import { LOCALES, type Locale } from '~/i18n/config'
import { CATEGORIES, COURSE_LIMITS } from '~/modules/content/package-limits'
import type { CourseMetadata } from '~/modules/studio/course.schema'

type MetadataFields = Required<{
  [Key in keyof CourseMetadata]: FieldMetadata<Key extends 'passMark' ? number | undefined : CourseMetadata[Key]>
}>

/**
 * A course's details as an author writes them, for the create and the edit form alike: the texts in
 * every language side by side (one column per language on a wide screen, one after the other on a
 * phone), each required. A course without a final exam has no pass mark to ask for (`passMark={false}`).
 * The learning objectives, one a line, are asked for by the edit form only: the create form stays short.
 */
export function CourseMetadataFields({
  fields,
  objectives,
  passMark = true,
}: {
  fields: MetadataFields
  objectives?: FieldMetadata<Partial<Record<Locale, string>>>
  passMark?: boolean
}) {
  const { t } = useTranslation(['studio', 'learning'])
  const titles = fields.title.getFieldset()
  const summaries = fields.summary.getFieldset()
  const objectiveLists = objectives?.getFieldset()
  return (
    <>
      <SelectField meta={fields.category} label={t('course.category')} ns="studio">
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`learning:categories.${category}`)}
          </option>
        ))}
      </SelectField>
      <div className="grid-2">
        {LOCALES.map((locale) => (
          <fieldset key={locale} className="language-fields">
            <legend>{t(`languageName.${locale}`)}</legend>
            <TextField
              meta={titles[locale]}
              label={t('course.title', { inLanguage: t(`inLanguage.${locale}`) })}
              autoComplete="off"
              ns="studio"
            />
            <TextAreaField
              meta={summaries[locale]}
              label={t('course.summary', { inLanguage: t(`inLanguage.${locale}`) })}
              rows={4}
              maxLength={COURSE_LIMITS.summaryChars}
              ns="studio"
            />
            {objectiveLists ? (
              <TextAreaField
                meta={objectiveLists[locale]}
                label={t('course.objectives', { inLanguage: t(`inLanguage.${locale}`) })}
                hint={t('course.objectivesHint')}
                rows={6}
                ns="studio"
              />
            ) : null}
          </fieldset>
        ))}
      </div>
      <TextField
        meta={fields.certificateValidityMonths}
        label={t('course.validity')}
        hint={t('course.validityHint')}
        type="number"
        ns="studio"
      />
      {passMark ? <TextField meta={fields.passMark} label={t('course.passMark')} type="number" ns="studio" /> : null}
    </>
  )
}
