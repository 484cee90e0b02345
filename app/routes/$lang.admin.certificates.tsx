import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table'
import { ConformForm, FormErrors, TextAreaField } from '~/components/forms'
import { getServerT } from '~/i18n/i18n.server'
import { requirePermission } from '~/edge/guard.server'
import {
  CertificateAlreadyRevoked,
  CertificateNotFound,
  findCertificatesForAdmin,
  revokeCertificate,
} from '~/modules/certificates/certificates.server'
import { RevokeSchema } from '~/modules/certificates/revoke.schema'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['certificates'] }

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, 'manage:certificates')
  const { locale } = args.context
  const t = getServerT(locale, 'certificates')
  const query = (new URL(args.request.url).searchParams.get('q') ?? '').slice(0, 200)
  return {
    title: t('admin.title'),
    locale,
    query,
    certificates: await findCertificatesForAdmin({ query, locale }),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const admin = requirePermission(args, 'manage:certificates')
  const submission = parseWithZod(await readForm(args.request), { schema: RevokeSchema })
  if (submission.status !== 'success') {
    // The reason is the only field an admin types; anything else wrong means the form was not ours.
    invariantResponse(submission.error?.reason, 'common:errors.unknownForm', { status: 400 })
    return data(
      { certificateId: String(submission.payload.certificateId), result: submission.reply() },
      { status: 400 },
    )
  }
  const { certificateId, reason } = submission.value
  try {
    await revokeCertificate({ id: certificateId, reason, actor: admin })
  } catch (error) {
    invariantResponse(!(error instanceof CertificateNotFound), 'certificates:admin.notFound', { status: 404 })
    if (error instanceof CertificateAlreadyRevoked) {
      return data(
        { certificateId, result: submission.reply({ formErrors: ['admin.alreadyRevoked'] }) },
        { status: 409 },
      )
    }
    throw error
  }
  const back = new URLSearchParams({ revoked: certificateId })
  return redirect(href(args.context.locale, '/admin/certificates', { query: back }))
}

export default function AdminCertificates() {
  const { certificates, query, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('certificates')
  const revoked = certificates.find((certificate) => certificate.id === searchParams.get('revoked'))
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      {revoked ? (
        <p className="notice" role="status">
          {t('admin.revoked', { code: revoked.code })}
        </p>
      ) : null}
      <Form method="get" className="form form--inline" role="search">
        <div className="field">
          <label htmlFor="certificate-query">{t('admin.search')}</label>
          <input id="certificate-query" name="q" type="search" defaultValue={query} maxLength={200} />
        </div>
        <SubmitButton className="button">{t('admin.find')}</SubmitButton>
      </Form>
      <DataTable
        title={query ? t('admin.results') : t('admin.recent')}
        empty={t('admin.none')}
        columns={[t('admin.learner'), t('admin.course'), t('admin.issued'), t('admin.status'), t('admin.actions')]}
        rows={certificates}
        row={(certificate) => (
          <tr key={certificate.id} data-certificate={certificate.code}>
            <th scope="row">
              {certificate.learnerName}
              <br />
              <span className="hint">{certificate.email}</span>
              <br />
              <code>{certificate.code}</code>
            </th>
            <td>{certificate.course}</td>
            <td>{formatDate(certificate.issuedAt, locale)}</td>
            <td className={`certificate-status--${certificate.status}`}>
              {t(`verify.status.${certificate.status}`)}
              {certificate.revokedReason ? <span className="hint"> — {certificate.revokedReason}</span> : null}
            </td>
            <td>
              {certificate.status === 'revoked' ? null : (
                <RevokeForm
                  certificateId={certificate.id}
                  lastResult={actionData?.certificateId === certificate.id ? actionData.result : undefined}
                />
              )}
            </td>
          </tr>
        )}
      />
    </>
  )
}

/** One per listed certificate; a refused revocation shows its errors on its own row. */
function RevokeForm({
  certificateId,
  lastResult,
}: {
  certificateId: string
  lastResult: SubmissionResult | undefined
}) {
  const { t } = useTranslation('certificates')
  const [form, fields] = useForm({
    id: `revoke-${certificateId}`,
    lastResult,
    constraint: getZodConstraint(RevokeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RevokeSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <ConformForm form={form} method="post" className="form">
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="certificateId" value={certificateId} />
      <TextAreaField
        meta={fields.reason}
        label={t('admin.reason')}
        hint={t('admin.reasonHint')}
        rows={2}
        maxLength={300}
        ns="certificates"
      />
      <FormErrors errors={form.errors} ns="certificates" />
      <SubmitButton className="button button--secondary">{t('admin.revoke')}</SubmitButton>
    </ConformForm>
  )
}
