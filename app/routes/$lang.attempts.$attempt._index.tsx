import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { QuestionFields } from '~/components/question-fields'
import { AttemptTimer } from '~/components/attempt-timer'
import { AnswerSummary, UnansweredDialog, UnansweredReview } from '~/components/attempt-submit'
import { PendingButton } from '~/components/submit-button'
import { readAnswerFields } from '~/modules/quiz/answer-fields'
import { unansweredPositions } from '~/modules/quiz/answered'
import { requireUser } from '~/edge/guard.server'
import { applyAttemptPost } from '~/edge/attempt-post.server'
import { useAnswerSaver, type SaverStatus } from '~/components/use-answer-saver'
import { getAttemptForm } from '~/modules/quiz/quiz-page.server'
import { formatTime } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { quizHref } from '~/edge/quiz-href'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['learning'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const { attempt: attemptId = '' } = args.params
  const { locale } = args.context
  const attempt = await getAttemptForm({ attemptId, userId: user.id, locale })
  invariantResponse(attempt, 'learning:attempt.notFound', { status: 404 })
  if (attempt.status !== 'IN_PROGRESS')
    throw redirect(href(locale, '/attempts/:attempt/review', { attempt: attempt.id }))
  // A submit without JavaScript that found questions unanswered comes back here to be confirmed.
  const confirming = new URL(args.request.url).searchParams.get('confirm') === '1'
  return {
    id: attempt.id,
    title: `${attempt.number} · ${attempt.quizName}`,
    number: attempt.number,
    quizName: attempt.quizName,
    quizUrl: quizHref(locale, attempt.quizPlace),
    deadline: attempt.deadline?.toISOString() ?? null,
    seq: attempt.seq,
    questions: attempt.questions,
    unanswered: attempt.unanswered,
    confirming: confirming && attempt.unanswered.length > 0,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args)
  const outcome = await applyAttemptPost(args, user, { confirmUnanswered: true })
  // The message is an i18n key, as invariantResponse throws it: the error page shows it translated.
  if (!outcome.ok) throw new Response(outcome.message, { status: outcome.status })
  const attempt = args.params.attempt ?? ''
  const { locale } = args.context
  if (outcome.intent === 'submit') return redirect(href(locale, '/attempts/:attempt/review', { attempt }))
  if (outcome.intent === 'confirm')
    return redirect(`${href(locale, '/attempts/:attempt', { attempt, query: { confirm: 1 } })}#unanswered`)
  return redirect(href(locale, '/attempts/:attempt', { attempt, query: { saved: 1 } }))
}

export default function AttemptPage() {
  const attempt = useLoaderData<typeof loader>()
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('learning')
  const { form, status, onChange, onSubmit, submit } = useAnswerSaver({
    attemptId: attempt.id,
    saveUrl: href(locale, '/attempts/:attempt/answers', { attempt: attempt.id }),
    pageSeq: attempt.seq,
  })
  const { unanswered, recount } = useUnanswered(attempt.questions, form)
  const [submitting, setSubmitting] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const submitNow = () => {
    dialog.current?.close()
    setSubmitting(true)
    submit()
  }
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const submitting = submitter?.getAttribute('value') === 'submit'
    // Without a dialog (no JavaScript yet) the server asks instead, on its own page.
    if (submitting && unanswered.length > 0 && dialog.current?.showModal) {
      event.preventDefault()
      return dialog.current.showModal()
    }
    if (submitting) setSubmitting(true)
    onSubmit(event)
  }
  return (
    <article className="attempt">
      <nav aria-label={t('reader.breadcrumb')} className="breadcrumb">
        <Link to={attempt.quizUrl}>{attempt.quizName}</Link>
      </nav>
      <h1>{t('attempt.title', { number: attempt.number, quiz: attempt.quizName })}</h1>
      {attempt.deadline ? <AttemptTimer deadline={attempt.deadline} onTimeUp={submitNow} /> : null}
      {attempt.confirming ? <UnansweredReview unanswered={attempt.unanswered} seq={attempt.seq} /> : null}
      {/* Without JavaScript the only confirmation of a save; with it, the status line says what holds now. */}
      {searchParams.get('saved') && status.kind === 'idle' ? (
        <p className="notice" role="status">
          {t('attempt.saved')}
        </p>
      ) : null}
      <Form
        method="post"
        ref={form}
        onChange={(event) => {
          onChange(event)
          recount()
        }}
        onSubmit={handleSubmit}
      >
        <input type="hidden" name="seq" defaultValue={attempt.seq} />
        <input type="hidden" name="shown" value={attempt.questions.map((q) => q.position).join(',')} />
        {attempt.questions.map(({ position, question, answer }) => (
          <QuestionFields
            key={position}
            position={position}
            total={attempt.questions.length}
            question={question}
            answer={answer}
          />
        ))}
        <AnswerSummary total={attempt.questions.length} unanswered={unanswered} />
        <SaverStatusLine status={status} />
        <div className="attempt__actions">
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t('attempt.save')}
          </button>
          <PendingButton name="intent" value="submit" pending={submitting}>
            {t('attempt.submit')}
          </PendingButton>
        </div>
        <p className="hint">{t('attempt.submitHint')}</p>
      </Form>
      <UnansweredDialog
        ref={dialog}
        unanswered={unanswered}
        onSubmitAnyway={submitNow}
        onClose={() => dialog.current?.close()}
      />
    </article>
  )
}

type ShownQuestion = ReturnType<typeof useLoaderData<typeof loader>>['questions'][number]

/**
 * The questions still unanswered: the server's count first, then the page's own reading of its form
 * after each change (and once after the saver put back answers kept in the tab).
 */
function useUnanswered(questions: ShownQuestion[], form: React.RefObject<HTMLFormElement>) {
  const [unanswered, setUnanswered] = useState(() => unansweredPositions(questions))
  const recount = () => {
    if (!form.current) return
    const shown = questions.map((q) => q.position).join(',')
    const answers = new Map(readAnswerFields(new FormData(form.current), shown)?.map((a) => [a.position, a.answer]))
    setUnanswered(unansweredPositions(questions.map((q) => ({ ...q, answer: answers.get(q.position) }))))
  }
  const recountOnce = useRef(recount)
  useEffect(() => recountOnce.current(), [])
  return { unanswered, recount }
}

/** Under the questions: saved, waiting to be saved, or refused — announced to screen readers. */
function SaverStatusLine({ status }: { status: SaverStatus }) {
  const { t } = useTranslation('learning')
  const locale = useLocale()
  const location = useLocation()
  return (
    <p className={`autosave autosave--${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'saved' ? t('attempt.autosaved', { time: formatTime(status.at, locale) }) : null}
      {status.kind === 'retrying'
        ? t(status.submitting ? 'attempt.notSubmitted' : 'attempt.notSaved', { count: status.waiting })
        : null}
      {status.kind === 'refused' ? (
        <>
          {status.message ?? t('attempt.notSavedRefused')}{' '}
          {status.signedOut ? (
            <Link to={href(locale, '/login', { query: { redirectTo: location.pathname } })}>
              {t('attempt.signInAgain')}
            </Link>
          ) : null}
          {status.next ? <Link to={status.next}>{t('attempt.seeResult')}</Link> : null}
        </>
      ) : null}
    </p>
  )
}
