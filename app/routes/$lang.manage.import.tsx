import { type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  MaxPartSizeExceededError,
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FileField, useValidatedForm } from '~/components/forms'
import { ImportOutcome, ImportReportTable, type ImportDone } from '~/components/import-report'
import { getServerT, translatorFor } from '~/i18n/i18n.server'
import { confirmOfficerImport, previewOfficerImport } from '~/modules/manage/bulk-invite.server'
import { requireManagedAdministration } from '~/edge/manage-scope.server'
import { MAX_IMPORT_BYTES, OfficerFileSchema } from '~/modules/manage/manage.schema'
import type { ImportReport } from '~/modules/manage/officer-import'
import { toCsv } from '~/modules/reports/spreadsheet.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { readForm, readUploadForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['manage'] }

export async function loader(args: LoaderFunctionArgs) {
  const { administration } = await requireManagedAdministration(args)
  const { locale } = args.context
  if (!administration) throw redirect(href(locale, '/manage'))
  const t = getServerT(locale, 'manage')
  return { title: t('bulk.title'), administration }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

/** `result`: the upload form's own errors (no file); `report`: what the file holds, line by line. */
type ImportResult = {
  result?: SubmissionResult<string[]>
  report: ImportReport | null
  text: string | null
  done: ImportDone | null
}

/** An upload is checked and reported; the confirmation posts the checked text back and writes. */
export async function action(args: ActionFunctionArgs) {
  const { user, administration } = await requireManagedAdministration(args)
  invariantResponse(administration, 'common:errors.notFoundText', { status: 404 })
  const isUpload = args.request.headers.get('Content-Type')?.startsWith('multipart/form-data')
  if (isUpload) {
    let upload: FormData
    try {
      upload = await readUploadForm(args.request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }))
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error
      const report: ImportReport = { ok: false, fileProblem: 'import.fileTooLarge' }
      // The rest of the file was not read, so this connection cannot carry another request.
      return data<ImportResult>({ report, text: null, done: null }, { status: 400, headers: { Connection: 'close' } })
    }
    const submission = parseWithZod(upload, { schema: OfficerFileSchema })
    if (submission.status !== 'success')
      return data<ImportResult>({ result: submission.reply(), report: null, text: null, done: null }, { status: 400 })
    const input = new Uint8Array(await submission.value.file.arrayBuffer())
    const { report, text } = await previewOfficerImport({ administrationId: administration.id, input })
    return data<ImportResult>({ report, text, done: null }, { status: report.ok ? 200 : 400 })
  }
  const text = (await readForm(args.request)).get('text')
  invariantResponse(typeof text === 'string', 'common:errors.unknownForm', { status: 400 })
  const { report, invited } = await confirmOfficerImport({
    administrationId: administration.id,
    text,
    actorId: user.id,
    translate: translatorFor('mail'),
  })
  const unsent = invited.filter((officer) => officer.delivery !== 'sent')
  const links = unsent.map(({ email, displayName, link }) => ({ email, name: displayName, link }))
  const t = getServerT(args.context.locale, 'manage')
  const linksCsv =
    links.length > 0
      ? toCsv({
          headers: [t('bulk.name'), t('bulk.email'), t('bulk.linkColumn')],
          rows: links.map(({ name, email, link }) => [name, email, link]),
        })
      : null
  return data<ImportResult>({
    report,
    text: null,
    done: {
      count: invited.length,
      sent: invited.length - unsent.length,
      mailConfigured: invited.every((officer) => officer.delivery !== 'not-configured'),
      links,
      linksCsv,
    },
  })
}

export default function ImportOfficers() {
  const { administration } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const backUrl = href(locale, '/manage/officers', { query: { administration: administration.code } })
  const [form, fields] = useValidatedForm(OfficerFileSchema, {
    id: 'officer-file',
    lastResult: result?.result,
  })
  const report = result?.report
  const valid = report?.ok ? report.valid : 0
  return (
    <>
      <h1>{t('bulk.title')}</h1>
      <p className="lead">{t('bulk.intro')}</p>
      <p>
        <a
          href={href(locale, '/manage/import/template.csv', { query: { administration: administration.code } })}
          download
        >
          {t('bulk.template')}
        </a>{' '}
        <span className="hint">{t('bulk.templateHint')}</span>
      </p>
      {result?.done && result.done.count > 0 ? (
        <ImportOutcome done={result.done} />
      ) : (
        <ConformForm form={form} method="post" encType="multipart/form-data" className="form">
          <FileField meta={fields.file} label={t('bulk.file')} accept=".csv,text/csv,text/plain" ns="manage" />
          <SubmitButton className="button" pendingLabel={t('bulk.checking')}>
            {t('bulk.preview')}
          </SubmitButton>
        </ConformForm>
      )}
      {report && !report.ok ? (
        <div className="alert" role="alert">
          <p>{t(report.fileProblem, { detail: report.detail ?? '' })}</p>
        </div>
      ) : null}
      {report?.ok && !result?.done?.count ? (
        <>
          <p role="status">{t('bulk.summary', { valid, total: report.rows.length })}</p>
          <ImportReportTable rows={report.rows} />
          {valid > 0 && result?.text ? (
            <Form method="post">
              <input type="hidden" name="text" value={result.text} />
              <SubmitButton className="button" pendingLabel={t('bulk.importing')}>
                {t('bulk.confirm', { count: valid })}
              </SubmitButton>
            </Form>
          ) : (
            <p>{t('bulk.nothingValid')}</p>
          )}
        </>
      ) : null}
      <p>
        <Link to={backUrl}>{t('bulk.back')}</Link>
      </p>
    </>
  )
}
