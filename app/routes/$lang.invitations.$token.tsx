import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, TextField, useValidatedForm } from '~/components/forms'
import { getServerT } from '~/i18n/i18n.server'
import { sessionCookie } from '~/modules/auth/session-cookie'
import { createSession } from '~/modules/auth/session.server'
import { acceptInvitation, findOpenInvitation } from '~/modules/manage/invitations.server'
import { AcceptInvitationSchema } from '~/modules/manage/manage.schema'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['manage'] }

/** The page an invitation link opens: whoever holds the link sets the officer's password, once. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation({ token: params.token ?? '' })
  invariantResponse(invitation, 'manage:accept.invalid', { status: 404 })
  const t = getServerT(context.locale, 'manage')
  const { displayName, email } = invitation.user
  return { title: t('accept.title', { name: displayName }), displayName, email }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(data),
  // The token is in the address: keep it out of search engines. (Other sites never see it: the whole
  // site sends `Referrer-Policy: same-origin`. A `no-referrer` policy here would make browsers send
  // `Origin: null` with the form, which the CSRF check rightly refuses.)
  { name: 'robots', content: 'noindex' },
]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: AcceptInvitationSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password', 'confirmPassword'] }) }, { status: 400 })
  }
  const userId = await acceptInvitation({ token: params.token ?? '', password: submission.value.password })
  invariantResponse(userId, 'manage:accept.invalid', { status: 404 })
  const session = await createSession({ userId })
  return redirect(href(context.locale, '/me'), {
    headers: { 'Set-Cookie': sessionCookie({ ...session, secure: context.secureCookies }) },
  })
}

export default function AcceptInvitation() {
  const { displayName, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const [form, fields] = useValidatedForm(AcceptInvitationSchema, {
    id: 'accept-invitation',
    lastResult: actionData?.result,
  })
  return (
    <section className="card narrow" aria-labelledby="accept-title">
      <h1 id="accept-title">{t('accept.title', { name: displayName })}</h1>
      <p>{t('accept.intro', { email })}</p>
      <ConformForm form={form} method="post" className="form">
        <TextField
          meta={fields.password}
          label={t('accept.password')}
          hint={t('accept.passwordHint')}
          type="password"
          autoComplete="new-password"
          ns="manage"
        />
        <TextField
          meta={fields.confirmPassword}
          label={t('accept.confirmPassword')}
          type="password"
          autoComplete="new-password"
          ns="manage"
        />
        <SubmitButton className="button">{t('accept.submit')}</SubmitButton>
      </ConformForm>
    </section>
  )
}
