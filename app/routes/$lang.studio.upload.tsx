import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ImportedNotice, PackageCheckForm, PackagePlan, PackageReport } from '~/components/studio-package-upload'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { runPackageUploadAction, type PackageUploadActionData } from '~/edge/studio-package-upload.server'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { useLocale } from '~/i18n/use-locale'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['studio', 'learning'] }

/** Any author may upload a package (ADR 027); into an existing course only its editors (decided in the domain). */
export function loader(args: LoaderFunctionArgs) {
  requirePermissionOrNotFound(args, 'author:courses')
  return { title: getServerT(args.context.locale, 'studio')('upload.metaTitle') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runPackageUploadAction(args)
}

export default function StudioPackageUpload() {
  // Typed here: what useActionData infers is `any` in this project (the Serialize of single fetch).
  const actionData: PackageUploadActionData | undefined = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const imported = searchParams.get('imported')
  const checked = actionData?.form === 'check' ? actionData : null
  const refusal = actionData?.form === 'confirm' && actionData.report.length > 0 ? actionData.report : null
  const lines = checked?.report ?? refusal
  const waiting = checked?.uploadId && checked.plan ? { ...checked.plan, uploadId: checked.uploadId } : null
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio')}>{t('page.back')}</Link>
      </nav>
      <h1>{t('upload.title')}</h1>
      <p className="lead">{t('upload.intro')}</p>
      {imported ? <ImportedNotice slug={imported} mode={searchParams.get('mode') ?? 'draft'} /> : null}
      {searchParams.get('cancelled') ? (
        <p className="notice" role="status">
          {t('upload.cancelled')}
        </p>
      ) : null}
      {actionData?.form === 'confirm' ? (
        <div className="alert" role="alert">
          <p>{t(actionData.outcome === 'expired' ? 'upload.expired' : 'upload.changed')}</p>
        </div>
      ) : null}
      {lines ? <PackageReport lines={lines} /> : null}
      {waiting && checked ? (
        <PackagePlan plan={waiting} uploadId={waiting.uploadId} fileName={checked.fileName ?? ''} />
      ) : (
        <PackageCheckForm lastResult={checked?.result} />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
