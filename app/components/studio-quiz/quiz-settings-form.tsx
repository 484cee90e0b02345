import { getInputProps, type SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, SelectField, TextField, useValidatedForm } from '~/components/forms'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { REVIEW_POLICIES } from '~/modules/content/package-limits'
import type { QuizSettings } from '~/modules/content/package.schema'
import { quizSettingsFormSchema } from '~/modules/studio/question.schema'

/**
 * A quiz's settings (ADR 025). Empty "attempts" and "time limit" mean no limit. A final exam's pass
 * mark is a course detail (ADR 024), shown here with a link; it can draw a share from every module.
 */
export function QuizSettingsForm({
  settings,
  version,
  exam,
  modulesCount,
  canEdit,
  answer,
  courseSlug,
}: {
  settings: QuizSettings
  version: number
  exam: boolean
  modulesCount: number
  canEdit: boolean
  answer: { result: SubmissionResult<string[]>; conflict?: { version: number } } | undefined
  courseSlug: string
}) {
  const { t } = useTranslation('studio')
  const locale = useLocale()
  const schema = quizSettingsFormSchema({ exam })
  const [form, fields] = useValidatedForm(schema, {
    id: 'quiz-settings',
    lastResult: answer?.result,
    defaultValue: {
      passMark: String(settings.passMark),
      maxAttempts: settings.maxAttempts?.toString() ?? '',
      timeLimitMinutes: settings.timeLimitMinutes?.toString() ?? '',
      questionsPerAttempt: String(settings.questionsPerAttempt),
      questionsPerModule: settings.questionsPerModule?.toString() ?? '',
      shuffleQuestions: settings.shuffleQuestions ? 'on' : '',
      shuffleOptions: settings.shuffleOptions ? 'on' : '',
      review: settings.review,
    },
  })
  return (
    <section className="card" aria-labelledby="quiz-settings-title">
      <h2 id="quiz-settings-title">{t('quiz.settingsTitle')}</h2>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" className="form form--wide" aria-labelledby="quiz-settings-title">
        <input type="hidden" name="intent" value="settings" />
        {/* After a conflict, the version the author has now been told about: saving again replaces it. */}
        <input type="hidden" name="version" value={answer?.conflict?.version ?? version} readOnly />
        <fieldset disabled={!canEdit} className="plain-fieldset">
          {exam ? (
            <p>
              {t('quiz.examPassMark', { passMark: settings.passMark })}{' '}
              <Link to={`${href(locale, '/studio/courses/:course', { course: courseSlug })}#edit-title`}>
                {t('quiz.examPassMarkLink')}
              </Link>
            </p>
          ) : (
            <TextField meta={fields.passMark} type="number" label={t('quiz.passMark')} ns="studio" />
          )}
          <TextField
            meta={fields.maxAttempts}
            type="number"
            label={t('quiz.maxAttempts')}
            hint={t('quiz.noLimitHint')}
            ns="studio"
          />
          <TextField
            meta={fields.timeLimitMinutes}
            type="number"
            label={t('quiz.timeLimit')}
            hint={t('quiz.noLimitHint')}
            ns="studio"
          />
          <TextField
            meta={fields.questionsPerAttempt}
            type="number"
            label={t('quiz.questionsPerAttempt')}
            ns="studio"
          />
          {exam ? (
            <TextField
              meta={fields.questionsPerModule}
              type="number"
              label={t('quiz.questionsPerModule')}
              hint={t('quiz.questionsPerModuleHint', { count: modulesCount })}
              ns="studio"
            />
          ) : null}
          <Checkbox meta={fields.shuffleQuestions} label={t('quiz.shuffleQuestions')} />
          <Checkbox meta={fields.shuffleOptions} label={t('quiz.shuffleOptions')} />
          <SelectField meta={fields.review} label={t('quiz.review')} ns="studio">
            {REVIEW_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`quiz.reviewPolicy.${policy}`)}
              </option>
            ))}
          </SelectField>
          {canEdit ? (
            <button type="submit" className="button">
              {t('quiz.saveSettings')}
            </button>
          ) : null}
        </fieldset>
      </ConformForm>
    </section>
  )
}

type CheckboxMeta = Parameters<typeof getInputProps>[0]

export function Checkbox({ meta, label }: { meta: CheckboxMeta; label: string }) {
  return (
    <div className="field field--checkbox">
      <input {...getInputProps(meta, { type: 'checkbox' })} key={meta.key} />
      <label htmlFor={meta.id}>{label}</label>
    </div>
  )
}
