import { type SubmissionResult } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { fieldLabel } from '~/components/studio-course-details'
import { ConformForm, FileField, FormErrors, useValidatedForm } from '~/components/forms'
import type { PlanView, ReportLine } from '~/edge/studio-package-upload.server'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import type { DetailsField } from '~/modules/studio/course.schema'
import { MAX_PACKAGE_BYTES } from '~/modules/studio/limits'
import { PackageCheckSchema } from '~/modules/studio/package-upload.schema'
import { formatFileSize } from '~/utils/format'

// The package upload page's parts (ADR 027): the archive form, the validator's report, and what the
// import would do, with its confirm and cancel buttons. Every part is a plain form: no JavaScript needed.

export function PackageCheckForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const [form, fields] = useValidatedForm(PackageCheckSchema, {
    id: 'package-check',
    lastResult,
  })
  return (
    <section className="card" aria-labelledby="check-title">
      <h2 id="check-title">{t('upload.checkTitle')}</h2>
      <p className="hint">{t('upload.checkHint', { size: formatFileSize(MAX_PACKAGE_BYTES, locale) })}</p>
      <FormErrors errors={form.errors} ns="studio" />
      <ConformForm form={form} method="post" encType="multipart/form-data" className="form form--wide">
        <input type="hidden" name="intent" value="check" />
        <FileField meta={fields.file} label={t('upload.file')} accept=".zip,application/zip" ns="studio" />
        <button type="submit" className="button">
          {t('upload.check')}
        </button>
      </ConformForm>
    </section>
  )
}

/** Every problem as `file: field: message`, errors first, in the author's language (translated on the server). */
export function PackageReport({ lines }: { lines: ReportLine[] }) {
  const { t } = useTranslation('studio')
  if (lines.length === 0) return <p className="notice">{t('upload.noProblems')}</p>
  const errors = lines.filter((line) => line.severity === 'error')
  const warnings = lines.filter((line) => line.severity === 'warning')
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('upload.reportTitle')}</h2>
      {[
        { key: 'errors', list: errors, caption: t('upload.errors', { count: errors.length }) },
        { key: 'warnings', list: warnings, caption: t('upload.warnings', { count: warnings.length }) },
      ].map(({ key, list, caption }) =>
        list.length === 0 ? null : (
          <div key={key}>
            <h3>{caption}</h3>
            <ul className="report-lines">
              {list.map((line, index) => (
                <li key={index}>
                  {line.file ? <code>{line.file}</code> : null}
                  {line.file ? ': ' : null}
                  {line.path ? <code>{line.path}</code> : null}
                  {line.path ? ': ' : null}
                  {line.message}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  )
}

/** What confirming will do, and the two buttons. */
export function PackagePlan({ plan, uploadId, fileName }: { plan: PlanView; uploadId: string; fileName: string }) {
  const { t } = useTranslation(['studio', 'learning'])
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('upload.planTitle', { file: fileName })}</h2>
      {plan.mode === 'new' ? (
        <>
          <p>{t('upload.planNew', { title: plan.title, slug: plan.slug })}</p>
          <p>{t('upload.planCounts', { modules: plan.modules, questions: plan.questions, media: plan.media })}</p>
        </>
      ) : (
        <DraftPlan plan={plan} />
      )}
      <div className="button-row">
        <Form method="post">
          <input type="hidden" name="uploadId" value={uploadId} />
          <input type="hidden" name="mode" value={plan.mode} />
          <button type="submit" name="intent" value="confirm" className="button">
            {t(plan.mode === 'new' ? 'upload.confirmNew' : 'upload.confirmDraft')}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="uploadId" value={uploadId} />
          <button type="submit" name="intent" value="cancel" className="button button--secondary">
            {t('upload.cancel')}
          </button>
        </Form>
      </div>
    </section>
  )
}

function DraftPlan({ plan }: { plan: Extract<PlanView, { mode: 'draft' }> }) {
  const { t } = useTranslation(['studio', 'learning'])
  const named = (item: { slug: string; title: string }) => `${t('quoted', { name: item.title })} (${item.slug})`
  const items = [
    {
      key: 'changed',
      lines: plan.changed.map(
        (module) => `${named(module)}${module.replacesDraft ? ` — ${t('upload.replacesDraft')}` : ''}`,
      ),
    },
    { key: 'added', lines: plan.added.map(named) },
    { key: 'missing', lines: plan.missing.map(named) },
    { key: 'media', lines: plan.media },
    {
      key: 'quizzes',
      lines: plan.quizzes.map((title) => (title === null ? t('upload.finalExam') : t('quoted', { name: title }))),
    },
    { key: 'details', lines: plan.details.map((field) => fieldLabel(t, field as DetailsField)) },
  ]
  return (
    <>
      <p>{t('upload.planDraft', { title: plan.title, slug: plan.slug })}</p>
      {items.every((item) => item.lines.length === 0) ? <p>{t('upload.planNothing')}</p> : null}
      {items.map(({ key, lines }) =>
        lines.length === 0 ? null : (
          <div key={key}>
            <h3>{t(`upload.plan.${key}`)}</h3>
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ),
      )}
      <p className="hint">{t('upload.planUnchanged')}</p>
    </>
  )
}

/** After an import: where the course is now. */
export function ImportedNotice({ slug, mode }: { slug: string; mode: string }) {
  const locale = useLocale()
  const { t } = useTranslation('studio')
  return (
    <p className="notice" role="status">
      {t(mode === 'new' ? 'upload.importedNew' : 'upload.importedDraft', { slug })}{' '}
      <Link to={href(locale, '/studio/courses/:course', { course: slug })}>{t('upload.openCourse')}</Link>
    </p>
  )
}
