import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useFetcher, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { QuestionFields } from '~/components/question-fields'
import { AttemptTimer } from '~/components/attempt-timer'
import { requireUser } from '~/edge/guard.server'
import { readAttemptForm } from '~/modules/quiz/answer-form'
import {
  AttemptClosed,
  AttemptNotFound,
  InvalidAnswers,
  saveAnswers,
  submitAttempt,
} from '~/modules/quiz/attempt.server'
import { getAttemptForm } from '~/modules/quiz/quiz-page.server'
import { formatTime } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { skipAfterBackgroundSave } from '~/utils/revalidation'
import { quizHref } from '~/edge/quiz-href'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'

export const handle = { i18n: ['learning'] }
export const shouldRevalidate = skipAfterBackgroundSave

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const { attempt: attemptId = '' } = args.params
  const { locale } = args.context
  const attempt = await getAttemptForm({ attemptId, userId: user.id, locale })
  invariantResponse(attempt, 'learning:attempt.notFound', { status: 404 })
  if (attempt.status !== 'IN_PROGRESS')
    throw redirect(href(locale, '/attempts/:attempt/review', { attempt: attempt.id }))
  return {
    title: `${attempt.number} · ${attempt.quizName}`,
    number: attempt.number,
    quizName: attempt.quizName,
    quizUrl: quizHref(locale, attempt.quizPlace),
    deadline: attempt.deadline?.toISOString() ?? null,
    seq: attempt.seq,
    questions: attempt.questions,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args)
  const { attempt: attemptId = '' } = args.params
  const body = await args.request.formData()
  const form = readAttemptForm(body)
  invariantResponse(form.ok, 'common:errors.unknownForm', { status: 400 })
  try {
    if (form.answers.length > 0) await saveAnswers({ attemptId, userId: user.id, answers: form.answers, seq: form.seq })
    if (form.intent === 'submit') {
      await submitAttempt({ attemptId, userId: user.id })
      return redirect(href(args.context.locale, '/attempts/:attempt/review', { attempt: attemptId }))
    }
  } catch (error) {
    invariantResponse(!(error instanceof AttemptNotFound), 'learning:attempt.notFound', { status: 404 })
    invariantResponse(!(error instanceof AttemptClosed), 'learning:attempt.closed', { status: 409 })
    invariantResponse(!(error instanceof InvalidAnswers), 'learning:attempt.invalidAnswers', { status: 400 })
    throw error
  }
  // A background save (JavaScript) stays on the page; the Save button reloads it with a notice.
  if (body.get('autosave') === '1') return { savedAt: new Date().toISOString() }
  return redirect(href(args.context.locale, '/attempts/:attempt', { attempt: attemptId, query: { saved: 1 } }))
}

export default function AttemptPage() {
  const attempt = useLoaderData<typeof loader>()
  const locale = useLocale()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('learning')
  const submitButton = useRef<HTMLButtonElement>(null)
  const autosave = useAutosave(attempt.seq)
  return (
    <article className="attempt">
      <nav aria-label={t('reader.breadcrumb')} className="breadcrumb">
        <Link to={attempt.quizUrl}>{attempt.quizName}</Link>
      </nav>
      <h1>{t('attempt.title', { number: attempt.number, quiz: attempt.quizName })}</h1>
      {attempt.deadline ? (
        <AttemptTimer deadline={attempt.deadline} onTimeUp={() => submitButton.current?.click()}>
          {t('attempt.deadline', { time: formatTime(attempt.deadline, locale) })}
        </AttemptTimer>
      ) : null}
      {searchParams.get('saved') ? (
        <p className="notice" role="status">
          {t('attempt.saved')}
        </p>
      ) : null}
      <Form method="post" onChange={autosave.onChange} onSubmit={autosave.onSubmit}>
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
        <p className="autosave" role="status" aria-live="polite">
          {autosave.failed
            ? t('attempt.autosaveFailed')
            : autosave.savedAt
              ? t('attempt.autosaved', { time: formatTime(autosave.savedAt, locale) })
              : null}
        </p>
        <div className="attempt__actions">
          <button type="submit" name="intent" value="save" className="button button--secondary">
            {t('attempt.save')}
          </button>
          <button type="submit" name="intent" value="submit" className="button" ref={submitButton}>
            {t('attempt.submit')}
          </button>
        </div>
        <p className="hint">{t('attempt.submitHint')}</p>
      </Form>
    </article>
  )
}

/**
 * With JavaScript, answers are saved in the background a moment after each change, and every post
 * carries a `seq` that grows with time on the page, so a delayed older save never overwrites a newer one.
 */
function useAutosave(pageSeq: number) {
  const fetcher = useFetcher<{ savedAt?: string }>()
  const loadedAt = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => {
    loadedAt.current = Date.now()
    return () => clearTimeout(timer.current)
  }, [])
  const currentSeq = () => String(pageSeq + (Date.now() - loadedAt.current))
  return {
    savedAt: fetcher.data?.savedAt ?? null,
    failed: fetcher.state === 'idle' && fetcher.data !== undefined && !fetcher.data.savedAt,
    onChange(event: FormEvent<HTMLFormElement>) {
      const form = event.currentTarget
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        const data = new FormData(form)
        data.set('intent', 'save')
        data.set('autosave', '1')
        data.set('seq', currentSeq())
        void fetcher.submit(data, { method: 'post' })
      }, 800)
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      clearTimeout(timer.current)
      const seq = event.currentTarget.elements.namedItem('seq')
      if (seq instanceof HTMLInputElement) seq.value = currentSeq()
    },
  }
}
