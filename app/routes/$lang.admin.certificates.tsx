import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RevokeConfirmation, RevokeDialog, type RevokeTarget } from '~/components/certificate-revoke'
import { DataTable } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pager } from '~/components/pager'
import { SubmitButton } from '~/components/submit-button'
import { requirePermission } from '~/edge/guard.server'
import { readForm } from '~/edge/request-form.server'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'
import {
  CertificateAlreadyRevoked,
  CertificateNotFound,
  findCertificateForAdmin,
  findCertificatesForAdmin,
  listCertifiedCourses,
  revokeCertificate,
} from '~/modules/certificates/certificates.server'
import { CertificateFilterSchema, RevokeSchema } from '~/modules/certificates/revoke.schema'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['certificates'] }

/** Parameters of a one-time message or of the confirmation: a page or filter link leaves them behind. */
const NOTICES = ['revoke', 'revoked'] as const

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, 'manage:certificates')
  const { locale } = args.context
  const t = getServerT(locale, 'certificates')
  const filters = CertificateFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const [found, courses, confirming, revoked] = await Promise.all([
    findCertificatesForAdmin({ query: filters.q, courseId: filters.course || null, page: filters.page, locale }),
    listCertifiedCourses({ locale }),
    filters.revoke ? findCertificateForAdmin({ id: filters.revoke, locale }) : null,
    filters.revoked ? findCertificateForAdmin({ id: filters.revoked, locale }) : null,
  ])
  // The confirmation of a certificate that does not exist is a page that does not exist.
  invariantResponse(!filters.revoke || confirming, 'certificates:admin.notFound', { status: 404 })
  return { title: t('admin.title'), locale, filters, courses, ...found, confirming, revokedCode: revoked?.code }
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
  // Back to the list the admin came from (the form posts to the page's own address, filters included).
  const back = new URL(args.request.url).searchParams
  for (const notice of NOTICES) back.delete(notice)
  back.set('revoked', certificateId)
  return redirect(href(args.context.locale, '/admin/certificates', { query: back }))
}

export default function AdminCertificates() {
  const { certificates, total, pages, filters, courses, confirming, revokedCode, locale } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('certificates')
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const dialog = useRef<HTMLDialogElement>(null)
  const [target, setTarget] = useState<RevokeTarget | null>(null)
  // A revocation that went through redirects (a new location): the dialog has done its work.
  useEffect(() => dialog.current?.close(), [location.key])
  const listWithout = (extra: Record<string, string> = {}) => {
    const next = new URLSearchParams(searchParams)
    for (const notice of NOTICES) next.delete(notice)
    for (const [name, value] of Object.entries(extra)) next.set(name, value)
    return `?${next}`
  }
  const resultFor = (id: string | undefined) => (actionData?.certificateId === id ? actionData?.result : undefined)
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      {revokedCode ? (
        <p className="notice" role="status">
          {t('admin.revoked', { code: revokedCode })}
        </p>
      ) : null}
      {confirming ? (
        <RevokeConfirmation target={confirming} lastResult={resultFor(confirming.id)} cancelTo={listWithout()} />
      ) : null}
      <Form method="get" className="form form--inline" role="search" aria-label={t('admin.searchLabel')}>
        <div className="field">
          <label htmlFor="certificate-query">{t('admin.search')}</label>
          <input id="certificate-query" name="q" type="search" defaultValue={filters.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="certificate-course">{t('admin.course')}</label>
          <select id="certificate-course" name="course" defaultValue={filters.course}>
            <option value="">{t('admin.anyCourse')}</option>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton className="button">{t('admin.find')}</SubmitButton>
      </Form>
      <DataTable
        title={`${filters.q || filters.course ? t('admin.results') : t('admin.recent')} · ${t('admin.count', { count: total })}`}
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
                // A link to the confirmation without JavaScript; with it, the same question in a dialog.
                <Link
                  to={listWithout({ revoke: certificate.id })}
                  className="button button--secondary"
                  aria-label={t('admin.revokeLabel', { code: certificate.code })}
                  onClick={(event) => {
                    if (!dialog.current?.showModal) return
                    event.preventDefault()
                    setTarget(certificate)
                    dialog.current.showModal()
                  }}
                >
                  {t('admin.revoke')}
                </Link>
              )}
            </td>
          </tr>
        )}
      />
      <Pager page={filters.page} pages={pages} notices={NOTICES} />
      <RevokeDialog
        ref={dialog}
        target={target}
        lastResult={resultFor(target?.id)}
        onClose={() => dialog.current?.close()}
      />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
