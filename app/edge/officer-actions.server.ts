import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { passwordResetLink } from '~/modules/auth/password-reset'
import { LatinNameSchema, SignInLinkSchema } from '~/modules/manage/manage.schema'
import { setOfficerLatinName } from '~/modules/manage/officers.server'
import { issueSignInLink } from '~/modules/manage/sign-in-links.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse } from '~/utils/http'

/** A sign-in link just made: shown once, to be copied and passed on. */
export interface SignInLinkNotice {
  name: string
  link: string
  expiresAt: Date
}

export interface OfficerActionData {
  intent: 'latin-name' | 'sign-in-link'
  result: SubmissionResult<string[]> | null
  signInLink: SignInLinkNotice | null
}

const reply = (answer: OfficerActionData, init?: ResponseInit) => data<OfficerActionData>(answer, init)

/**
 * The officer page's forms (ADR 029): the name in Latin script and a new sign-in link. The officer is
 * looked up in the coordinator's administration by every write: another's officer is a 404.
 */
export async function runOfficerAction({
  formData,
  administrationId,
  officerId,
  actorId,
}: {
  formData: FormData
  administrationId: string
  officerId: string
  actorId: string
}) {
  if (formData.get('intent') === 'sign-in-link') {
    invariantResponse(SignInLinkSchema.safeParse(Object.fromEntries(formData)).success, 'common:errors.unknownForm')
    const issued = await issueSignInLink({ administrationId, officerId, actorId })
    invariantResponse(issued, 'common:errors.notFoundText', { status: 404 })
    const link = passwordResetLink({ baseUrl: getEnv().BASE_URL, locale: issued.preferredLocale, token: issued.token })
    return reply({
      intent: 'sign-in-link',
      result: null,
      signInLink: { name: issued.displayName, link, expiresAt: issued.expiresAt },
    })
  }
  invariantResponse(formData.get('intent') === 'latin-name', 'common:errors.unknownForm')
  const submission = parseWithZod(formData, { schema: LatinNameSchema })
  if (submission.status !== 'success') {
    return reply({ intent: 'latin-name', result: submission.reply(), signInLink: null }, { status: 400 })
  }
  const saved = await setOfficerLatinName({
    administrationId,
    officerId,
    latinName: submission.value.latinName,
    actorId,
  })
  invariantResponse(saved, 'common:errors.notFoundText', { status: 404 })
  return reply({ intent: 'latin-name', result: submission.reply(), signInLink: null })
}
