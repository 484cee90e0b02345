import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { QuizBreadcrumb } from '~/components/quiz-analysis/quiz-breadcrumb'
import { RegradeAttempts, RegradeOutcomeReport } from '~/components/quiz-analysis/regrade-report'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { readForm } from '~/edge/request-form.server'
import { getServerT } from '~/i18n/i18n.server'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { can } from '~/modules/auth/permissions'
import { formatCode } from '~/modules/certificates/code'
import { quizHref, quizRefFromParams, regradeHref } from '~/modules/studio/quiz-ref'
import { RegradeSchema } from '~/modules/studio/regrade.schema'
import { confirmRegrade, getRegradeOutcome, getRegradePreview, RegradeStale } from '~/modules/studio/regrade.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

/*
 * Regrading finished attempts after a fix of a question's key or points (ADR 028): the preview, the
 * confirm, and (`?done=<audit entry>`) what a confirm did. Served for a module's quiz too (app/routes.ts).
 * Only the course's editors find anything here; everyone else gets 404.
 */

export const handle = { i18n: ['quiz-analysis'] }

const NOT_FOUND = 'quiz-analysis:regrade.notFound'
/** The preview lists this many changed attempts at most; the confirm regrades them all. */
const SHOWN_ROWS = 200

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const { locale } = args.context
  const ref = quizRefFromParams(args.params)
  const slug = args.params.question ?? ''
  const t = getServerT(locale, 'quiz-analysis')
  const title = t('regrade.metaTitle', { question: slug })
  const done = new URL(args.request.url).searchParams.get('done')
  if (done) {
    const report = await getRegradeOutcome({ ref, slug, userId: user.id, auditId: done })
    invariantResponse(report, NOT_FOUND, { status: 404 })
    const { prompt, outcome, ...rest } = report
    // Codes as certificates print them, so the admin page's search finds them.
    const certificatesToReview = outcome.certificatesToReview.map((c) => ({ ...c, code: formatCode(c.code) }))
    return {
      mode: 'done' as const,
      title,
      ref,
      slug,
      prompt: localizedName(prompt, locale),
      ...rest,
      outcome: { ...outcome, certificatesToReview },
      canRevoke: can(user.role, 'manage:certificates'),
    }
  }
  const preview = await getRegradePreview({ ref, slug, userId: user.id })
  invariantResponse(preview, NOT_FOUND, { status: 404 })
  const changed = preview.attempts.filter((a) => a.newScore !== a.oldScore || a.newPassed !== a.oldPassed)
  return {
    mode: 'preview' as const,
    title,
    ref,
    slug,
    prompt: localizedName(preview.question.prompt, locale),
    retired: preview.question.retired,
    quiz: preview.quiz,
    passMark: preview.passMark,
    token: preview.token,
    inProgress: preview.inProgress,
    incompatible: preview.incompatible,
    total: preview.attempts.length,
    counts: {
      changed: preview.attempts.filter((a) => a.newScore !== a.oldScore).length,
      passing: preview.attempts.filter((a) => a.newPassed && !a.oldPassed).length,
      failing: preview.attempts.filter((a) => !a.newPassed && a.oldPassed).length,
    },
    unchanged: preview.attempts.length - changed.length,
    rows: changed
      .slice(0, SHOWN_ROWS)
      .map((a) => ({ ...a, administrationName: localizedName(a.administrationName, locale) })),
    moreRows: Math.max(0, changed.length - SHOWN_ROWS),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

// A refused confirm (409) must show the preview as it is now, not the one it was refused for.
export const shouldRevalidate = () => true

export async function action(args: ActionFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const submission = parseWithZod(await readForm(args.request), { schema: RegradeSchema })
  invariantResponse(submission.status === 'success', 'common:errors.unknownForm', { status: 400 })
  const ref = quizRefFromParams(args.params)
  const slug = args.params.question ?? ''
  try {
    const done = await confirmRegrade({ ref, slug, userId: user.id, token: submission.value.token })
    invariantResponse(done, NOT_FOUND, { status: 404 })
    return redirect(regradeHref(args.context.locale, ref, slug, { done: done.auditId }))
  } catch (error) {
    if (error instanceof RegradeStale) return data({ stale: true }, { status: 409 })
    throw error
  }
}

export default function RegradePage() {
  const page = useLoaderData<typeof loader>()
  const actionData: { stale?: boolean } | undefined = useActionData<typeof action>()
  const locale = useLocale()
  const { t } = useTranslation('quiz-analysis')
  return (
    <>
      <QuizBreadcrumb quizRef={page.ref} quiz={page.quiz} />
      <h1>{t('regrade.title')}</h1>
      <p className="lead">{t('regrade.question', { slug: page.slug, prompt: page.prompt })}</p>
      {page.mode === 'done' ? (
        <RegradeOutcomeReport report={page} canRevoke={page.canRevoke} />
      ) : (
        <>
          {actionData?.stale ? (
            <p className="alert" role="alert">
              {t('regrade.stale')}
            </p>
          ) : null}
          {page.retired ? <p className="notice">{t('regrade.retired')}</p> : null}
          <p>{t('regrade.intro')}</p>
          <p>{t('regrade.passMark', { passMark: page.passMark })}</p>
          {page.inProgress > 0 ? <p className="notice">{t('regrade.inProgress', { count: page.inProgress })}</p> : null}
          {page.incompatible > 0 ? (
            <p className="notice">{t('regrade.incompatible', { count: page.incompatible })}</p>
          ) : null}
          {page.total === 0 ? (
            <p role="status">{t('regrade.nothing')}</p>
          ) : (
            <>
              <p role="status">{t('regrade.summary', { count: page.total })}</p>
              <p>{t('regrade.changes', page.counts)}</p>
              {page.counts.failing > 0 ? <p className="notice">{t('regrade.certificatesWarning')}</p> : null}
              <RegradeAttempts rows={page.rows} moreRows={page.moreRows} unchanged={page.unchanged} />
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="regrade" />
                <input type="hidden" name="token" value={page.token} />
                <button type="submit" className="button">
                  {t('regrade.confirm', { count: page.total })}
                </button>
              </Form>
            </>
          )}
        </>
      )}
      <p>
        <Link to={quizHref(locale, page.ref)}>{t('regrade.backToQuiz')}</Link>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
