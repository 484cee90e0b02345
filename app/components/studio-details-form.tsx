import { type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CourseMetadataFields } from '~/components/course-metadata-fields'
import { ConformForm, FormErrors, useValidatedForm } from '~/components/forms'
import { DetailsConflictNotice, fieldLabel, LastSaved } from '~/components/studio-course-details'
import { LOCALES, perLocale, type Locale } from '~/i18n/config'
import type { CourseDetails, DetailsStatus } from '~/modules/studio/course-details'
import { TEXT_FIELDS, updateCourseSchema, type DetailsField, type TextField } from '~/modules/studio/course.schema'

export interface DetailsView {
  draft: CourseDetails
  version: number
  changed: DetailsField[]
  status: DetailsStatus
  finalExam: boolean
  updatedAt: Date | null
  updatedBy: string | null
}

type Conflict = Parameters<typeof DetailsConflictNotice>[0]['conflict']

/** What the last details action answered: a save's form result, or a button's refusal. */
export type DetailsAnswer =
  | { form: 'update'; result: SubmissionResult<string[]>; conflict?: Conflict }
  | { form: 'details'; error: 'details.stale' | 'details.publishRefused'; conflict?: Conflict; fields?: DetailsField[] }

/**
 * The details as an editor changes them (ADR 024). A published course's go to a draft, which learners
 * do not see until it is published; a draft course's apply at once. Every form works without JavaScript.
 */
export function EditDetails({
  courseState,
  details,
  answer,
}: {
  courseState: string
  details: DetailsView
  answer: DetailsAnswer | undefined
}) {
  const { t } = useTranslation(['studio', 'learning'])
  const draftCourse = courseState === 'DRAFT'
  const saveAnswer = answer?.form === 'update' ? answer : undefined
  const buttonAnswer = answer?.form === 'details' ? answer : undefined
  return (
    <section className="card" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('page.editTitle')}</h2>
      <p className="hint">{draftCourse ? t('details.draftCourseHint') : t('details.draftHint')}</p>
      {buttonAnswer ? <ButtonRefusal answer={buttonAnswer} /> : null}
      {!draftCourse && details.changed.length > 0 ? <UnpublishedDraft details={details} /> : null}
      <OutOfDateTexts status={details.status} version={details.version} />
      <DetailsForm
        details={details}
        draftCourse={draftCourse}
        lastResult={saveAnswer?.result}
        conflict={saveAnswer?.conflict}
      />
    </section>
  )
}

function ButtonRefusal({ answer }: { answer: Extract<DetailsAnswer, { form: 'details' }> }) {
  const { t } = useTranslation(['studio', 'learning'])
  if (answer.error === 'details.publishRefused')
    return (
      <div className="alert" role="alert">
        <p>{t('details.publishRefused', { fields: (answer.fields ?? []).map((f) => fieldLabel(t, f)).join(', ') })}</p>
      </div>
    )
  return (
    <>
      <div className="alert" role="alert">
        <p>{t('details.stale')}</p>
      </div>
      {answer.conflict ? <DetailsConflictNotice conflict={answer.conflict} /> : null}
    </>
  )
}

/** The fields the draft changes, who saved it last, and the buttons that publish or discard it. */
function UnpublishedDraft({ details }: { details: DetailsView }) {
  const { t } = useTranslation(['studio', 'learning'])
  const button = (intent: string, label: string, secondary: boolean) => (
    <Form method="post">
      <input type="hidden" name="version" value={details.version} />
      <button type="submit" name="intent" value={intent} className={secondary ? 'button button--secondary' : 'button'}>
        {label}
      </button>
    </Form>
  )
  return (
    <div className="notice notice--warning">
      <p>{t('details.unpublished', { fields: details.changed.map((field) => fieldLabel(t, field)).join(', ') })}</p>
      <LastSaved at={details.updatedAt} by={details.updatedBy} />
      <div className="row-actions">
        {button('publish-details', t('details.publish'), false)}
        {button('discard-details', t('details.discard'), true)}
      </div>
    </div>
  )
}

/** The texts whose translation is out of date in the draft, each with its "Mark as up to date" button. */
function OutOfDateTexts({ status, version }: { status: DetailsStatus; version: number }) {
  const { t } = useTranslation(['studio', 'learning'])
  const flagged = TEXT_FIELDS.flatMap((field) =>
    LOCALES.filter((locale) => status[field][locale].state === 'outOfDate').map((locale) => ({ field, locale })),
  )
  if (flagged.length === 0) return null
  return (
    <>
      <h3 id="details-translations">{t('details.translations')}</h3>
      <ul className="language-states" aria-labelledby="details-translations">
        {flagged.map(({ field, locale }) => (
          <OutOfDateText key={`${field}.${locale}`} field={field} locale={locale} version={version} />
        ))}
      </ul>
    </>
  )
}

function OutOfDateText({ field, locale, version }: { field: TextField; locale: Locale; version: number }) {
  const { t } = useTranslation(['studio', 'learning'])
  const label = fieldLabel(t, `${field}.${locale}`)
  return (
    <li>
      <p>{t('details.outOfDate', { field: label })}</p>
      <Form method="post">
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="field" value={field} />
        <button
          type="submit"
          name="intent"
          value="confirm-details"
          className="button button--secondary"
          aria-label={t('details.markUpToDateLabel', { field: label })}
        >
          {t('details.markUpToDate')}
        </button>
      </Form>
    </li>
  )
}

function DetailsForm({
  details,
  draftCourse,
  lastResult,
  conflict,
}: {
  details: DetailsView
  draftCourse: boolean
  lastResult: SubmissionResult<string[]> | undefined
  conflict: Conflict | undefined
}) {
  const { t } = useTranslation(['studio', 'learning'])
  const schema = updateCourseSchema({ finalExam: details.finalExam })
  const { draft } = details
  const [form, fields] = useValidatedForm(schema, {
    id: 'update-course',
    lastResult,
    defaultValue: {
      category: draft.category,
      title: draft.title,
      summary: draft.summary,
      objectives: perLocale((locale) => draft.objectives[locale].join('\n')),
      certificateValidityMonths: draft.certificateValidityMonths?.toString() ?? '',
      passMark: draft.passMark?.toString() ?? '',
    },
  })
  return (
    <>
      <FormErrors errors={form.errors} ns="studio" />
      {conflict ? <DetailsConflictNotice conflict={conflict} /> : null}
      <ConformForm form={form} method="post" className="form form--wide" aria-labelledby="edit-title">
        <input type="hidden" name="intent" value="update" />
        {/* After a conflict, the version the author has now been shown: saving again replaces theirs. */}
        <input type="hidden" name="version" value={conflict?.version ?? details.version} readOnly />
        <CourseMetadataFields fields={fields} objectives={fields.objectives} passMark={details.finalExam} />
        <button type="submit" className="button">
          {draftCourse ? t('page.save') : t('details.saveDraft')}
        </button>
      </ConformForm>
    </>
  )
}
