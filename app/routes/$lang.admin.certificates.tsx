import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors } from '~/components/forms'
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
  const submission = parseWithZod(await args.request.formData(), { schema: RevokeSchema })
  if (submission.status !== 'success') {
    const reasonErrors = submission.error?.reason
    invariantResponse(reasonErrors, 'common:errors.unknownForm', { status: 400 })
    return data({ certificateId: String(submission.payload.certificateId), errors: reasonErrors }, { status: 400 })
  }
  const { certificateId, reason } = submission.value
  try {
    await revokeCertificate({ id: certificateId, reason, actor: admin })
  } catch (error) {
    invariantResponse(!(error instanceof CertificateNotFound), 'certificates:admin.notFound', { status: 404 })
    if (error instanceof CertificateAlreadyRevoked) {
      return data({ certificateId, errors: ['admin.alreadyRevoked'] }, { status: 409 })
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
        <button type="submit" className="button">
          {t('admin.find')}
        </button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{query ? t('admin.results') : t('admin.recent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.learner')}</th>
              <th scope="col">{t('admin.course')}</th>
              <th scope="col">{t('admin.issued')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((certificate) => (
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
                    <Form method="post" className="form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="certificateId" value={certificate.id} />
                      <div className="field">
                        <label htmlFor={`reason-${certificate.id}`}>{t('admin.reason')}</label>
                        <p id={`reason-hint-${certificate.id}`} className="hint">
                          {t('admin.reasonHint')}
                        </p>
                        <textarea
                          id={`reason-${certificate.id}`}
                          name="reason"
                          rows={2}
                          required
                          minLength={5}
                          maxLength={300}
                          aria-describedby={`reason-hint-${certificate.id}`}
                        />
                      </div>
                      {actionData?.certificateId === certificate.id ? (
                        <FormErrors errors={actionData.errors} ns="certificates" />
                      ) : null}
                      <button type="submit" className="button button--secondary">
                        {t('admin.revoke')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {certificates.length === 0 ? <p>{t('admin.none')}</p> : null}
      </div>
    </>
  )
}
