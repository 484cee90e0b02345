import { type SubmissionResult } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { RevokeSchema } from '~/modules/certificates/revoke.schema'
import { ConformForm, FormErrors, TextAreaField, useValidatedForm } from './forms'
import { SubmitButton } from './submit-button'

/** What the revocation forms show of the certificate they act on. */
export interface RevokeTarget {
  id: string
  code: string
  learnerName: string
  course: string
}

/**
 * The reason and the button that revokes: in the dialog (with JavaScript) and on the confirmation page
 * (without). `where` keeps the two forms' ids apart when both are on the page.
 */
function RevokeForm({
  target,
  lastResult,
  where,
}: {
  target: RevokeTarget
  lastResult: SubmissionResult | undefined
  where: 'dialog' | 'page'
}) {
  const { t } = useTranslation('certificates')
  const [form, fields] = useValidatedForm(RevokeSchema, {
    id: `revoke-${where}-${target.id}`,
    lastResult,
  })
  return (
    <ConformForm form={form} method="post" className="form">
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="certificateId" value={target.id} />
      <TextAreaField
        meta={fields.reason}
        label={t('admin.reason')}
        hint={t('admin.reasonHint')}
        rows={3}
        maxLength={300}
        ns="certificates"
      />
      <FormErrors errors={form.errors} ns="certificates" />
      <SubmitButton className="button">{t('admin.revokeConfirm')}</SubmitButton>
    </ConformForm>
  )
}

function TargetFacts({ target }: { target: RevokeTarget }) {
  const { t } = useTranslation('certificates')
  return (
    <p>
      {t('admin.revokeWhat', { name: target.learnerName, course: target.course })} <code>{target.code}</code>
    </p>
  )
}

/** With JavaScript: a modal dialog over the list; Escape and "Cancel" close it without a change. */
export const RevokeDialog = forwardRef<
  HTMLDialogElement,
  { target: RevokeTarget | null; lastResult: SubmissionResult | undefined; onClose: () => void }
>(function RevokeDialog({ target, lastResult, onClose }, ref) {
  const { t } = useTranslation('certificates')
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="revoke-dialog-title" onClose={onClose}>
      <h2 id="revoke-dialog-title">{t('admin.revokeTitle')}</h2>
      {target ? (
        <>
          <TargetFacts target={target} />
          <p className="hint">{t('admin.revokeFinal')}</p>
          <RevokeForm key={target.id} target={target} lastResult={lastResult} where="dialog" />
        </>
      ) : null}
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('admin.cancel')}
        </button>
      </p>
    </dialog>
  )
})

/** Without JavaScript the row's button leads here: the same question as the dialog, as a page section. */
export function RevokeConfirmation({
  target,
  lastResult,
  cancelTo,
}: {
  target: RevokeTarget
  lastResult: SubmissionResult | undefined
  cancelTo: string
}) {
  const { t } = useTranslation('certificates')
  return (
    <section id="revoke" className="card alert" aria-labelledby="revoke-page-title">
      <h2 id="revoke-page-title">{t('admin.revokeTitle')}</h2>
      <TargetFacts target={target} />
      <p className="hint">{t('admin.revokeFinal')}</p>
      <RevokeForm target={target} lastResult={lastResult} where="page" />
      <p>
        <Link to={cancelTo}>{t('admin.cancel')}</Link>
      </p>
    </section>
  )
}
