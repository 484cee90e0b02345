import { getInputProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, SelectField, TextField } from '~/components/forms'
import type { loadStudioQuestion, StudioQuestionActionData } from '~/edge/studio-question.server'
import { LOCALES, type Locale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { QUESTION_TEXT_LIMIT } from '~/modules/studio/question.schema'
import type { TextStatus } from '~/modules/studio/question-texts'
import { quizHref, regradeHref } from '~/modules/studio/quiz-ref'
import { formatDateTime } from '~/utils/format'
import { TypeFields } from './question-type-fields'

type QuestionData = Awaited<ReturnType<typeof loadStudioQuestion>>
type Texts = Record<Locale, string>

/**
 * One question in the studio (ADR 025): structure once (options and which are correct, pairs, items in
 * their right order, the number and its tolerance), every text with its languages side by side and its
 * translation state. Adding and removing parts are form buttons, so it all works without JavaScript.
 */
export function StudioQuestionPage() {
  const data = useLoaderData<QuestionData>()
  const answer: StudioQuestionActionData | undefined = useActionData()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const { ref, course, module } = data
  const [form, fields] = useForm<Record<string, unknown>>({
    id: 'question',
    lastResult: answer?.result,
    // The loader's JSON of the form's own shape (toQuestionForm); Conform types it per schema.
    defaultValue: data.defaultValue as never,
    // Judged on the server only: the same answer with and without JavaScript, and a question's rules
    // (keys, repeated pairs) span fields that a per-field check in the browser would judge half-typed.
  })
  const quizTitle = module
    ? t('quiz.moduleQuizTitle', { module: localizedName(module.title, locale) })
    : t('quiz.examTitle', { course: localizedName(course.title, locale) })
  const status = new Map(data.statuses.map((entry) => [entry.path, entry]))
  const textFields = (meta: FieldMetadata<unknown>, label: string, path: string, multiline: boolean) => (
    <LocalizedFields
      meta={meta}
      label={label}
      status={status.get(path)}
      multiline={multiline}
      disabled={!data.canEdit}
    />
  )
  const version = answer?.conflict?.version ?? Number(data.defaultValue.version ?? 0)
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio/courses/:course', { course: course.slug })}>
          {localizedName(course.title, locale)}
        </Link>
        {' / '}
        <Link to={quizHref(locale, ref)}>{quizTitle}</Link>
      </nav>
      <h1>
        {data.isNew
          ? t('question.newTitle', { type: t(`questionType.${data.type}`) })
          : t('question.title', { slug: data.slug })}
      </h1>
      <QuestionNotice />
      {data.retired ? <p className="notice">{t('question.retiredHint')}</p> : null}
      {data.toRegrade > 0 && data.slug ? (
        <p className="notice notice--warning">
          {t('question.toRegrade', { count: data.toRegrade })}{' '}
          <Link to={regradeHref(locale, ref, data.slug)}>{t('question.regradeLink')}</Link>
        </p>
      ) : null}
      {data.canEdit ? null : <p className="notice">{t('page.previewOnly')}</p>}
      <FormErrors errors={form.errors} ns="studio" />
      {answer?.conflict ? (
        <div className="notice notice--warning">
          <p>
            {t('question.conflictDetail', {
              by: answer.conflict.updatedBy ?? '—',
              date: formatDateTime(answer.conflict.updatedAt, locale),
            })}
          </p>
        </div>
      ) : null}
      {data.slug ? (
        <p>
          <Link to={quizHref(locale, ref, `/questions/${data.slug}/preview`)}>{t('question.previewLink')}</Link>
        </p>
      ) : null}
      <ConformForm form={form} method="post" className="form form--wide question-editor">
        <input type="hidden" name="type" value={data.type} readOnly />
        {/* After a conflict, the version the author has now been told about: saving again replaces it. */}
        <input type="hidden" name="version" value={version} readOnly />
        <fieldset disabled={!data.canEdit} className="plain-fieldset">
          {data.isNew ? (
            <TextField
              meta={fields.slug as FieldMetadata<string>}
              label={t('question.slug')}
              hint={t('question.slugHint')}
              ns="studio"
            />
          ) : null}
          <TextField meta={fields.points as FieldMetadata<string>} type="number" label={t('quiz.points')} ns="studio" />
          {ref.module === null ? (
            <SelectField
              meta={fields.module as FieldMetadata<string>}
              label={t('quiz.module')}
              hint={t('question.moduleHint')}
              ns="studio"
            >
              <option value="">{t('question.noModule')}</option>
              {data.modules.map((m) => (
                <option key={m.slug} value={m.slug}>
                  {localizedName(m.title, locale) || m.slug}
                </option>
              ))}
            </SelectField>
          ) : null}
          {textFields(fields.prompt!, t('question.prompt'), 'prompt', true)}
          <TypeFields form={form} fields={fields} type={data.type} textFields={textFields} canEdit={data.canEdit} />
          {textFields(fields.explanation!, t('question.explanation'), 'explanation', true)}
        </fieldset>
        {data.canEdit ? (
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button">
              {t('question.save')}
            </button>
            {data.isNew ? null : (
              <button type="submit" name="intent" value="confirm" className="button button--secondary">
                {t('question.saveConfirm')}
              </button>
            )}
          </div>
        ) : null}
      </ConformForm>
    </>
  )
}

function QuestionNotice() {
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('studio')
  const key = (['added', 'saved', 'confirmed'] as const).find((name) => searchParams.has(name))
  if (!key) return null
  return (
    <p className="notice" role="status">
      {t(`question.notice.${key}`)}
    </p>
  )
}

/** One text in every language, side by side from 60 rem, each with its translation state. */
function LocalizedFields({
  meta,
  label,
  status,
  multiline,
  disabled,
}: {
  meta: FieldMetadata<unknown>
  label: string
  status: TextStatus | undefined
  multiline: boolean
  disabled: boolean
}) {
  const { t } = useTranslation('studio')
  const languages = (meta as FieldMetadata<Texts>).getFieldset()
  const groupErrors = meta.errors?.length ? meta.errors : undefined
  return (
    <div className="localized-fields" role="group" aria-label={label}>
      {LOCALES.map((language) => {
        const field = languages[language] as FieldMetadata<string>
        const state = status?.state[language]
        const source = status?.confirmedSource[language]
        const stateId = `${field.id}-state`
        const props = { ariaDescribedBy: state === 'outOfDate' || state === 'missing' ? stateId : undefined }
        return (
          <div className="field" key={language}>
            <label htmlFor={field.id}>{`${label} — ${t(`languageName.${language}`)}`}</label>
            {multiline ? (
              <textarea
                {...getTextareaProps(field, props)}
                rows={3}
                maxLength={QUESTION_TEXT_LIMIT}
                disabled={disabled}
                key={field.key}
              />
            ) : (
              <input
                {...getInputProps(field, { type: 'text', ...props })}
                maxLength={QUESTION_TEXT_LIMIT}
                disabled={disabled}
                key={field.key}
              />
            )}
            {state === 'outOfDate' && source ? (
              <p id={stateId} className="hint text-state text-state--outdated">
                {t('question.outOfDate', { language: t(`languageName.${source.locale}`), text: source.text || '—' })}
              </p>
            ) : state === 'missing' ? (
              <p id={stateId} className="hint text-state">
                {t('textState.missing')}
              </p>
            ) : null}
            {field.errors?.length ? (
              <p id={field.errorId} className="field-error">
                {field.errors.map((key) => t(key)).join(' ')}
              </p>
            ) : null}
          </div>
        )
      })}
      {groupErrors ? <p className="field-error">{groupErrors.map((key) => t(key)).join(' ')}</p> : null}
    </div>
  )
}
