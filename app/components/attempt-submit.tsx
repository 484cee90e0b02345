import { Form } from '@remix-run/react'
import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from './submit-button'

/** The anchor of a question on the attempt page, for the links to unanswered ones. */
export const questionAnchor = (position: number) => `question-${position + 1}`

/** Links to the questions at `positions` (0-based), by their number as the page shows it. */
function QuestionLinks({ positions, onFollow }: { positions: number[]; onFollow?: () => void }) {
  const { t } = useTranslation('learning')
  return (
    <ul className="question-links">
      {positions.map((position) => (
        <li key={position}>
          <a href={`#${questionAnchor(position)}`} onClick={onFollow}>
            {t('attempt.questionLink', { number: position + 1 })}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** Under the questions: how many are answered, and links to those that are not. */
export function AnswerSummary({ total, unanswered }: { total: number; unanswered: number[] }) {
  const { t } = useTranslation('learning')
  return (
    <section className="answer-summary" aria-labelledby="answer-summary-title">
      <h2 id="answer-summary-title">{t('attempt.summaryTitle')}</h2>
      <p>{t('attempt.summaryAnswered', { answered: total - unanswered.length, total })}</p>
      {unanswered.length > 0 ? (
        <>
          <p>{t('attempt.summaryUnanswered', { count: unanswered.length })}</p>
          <QuestionLinks positions={unanswered} />
        </>
      ) : null}
    </section>
  )
}

/**
 * With JavaScript: the question asked when the learner submits with questions unanswered. A modal
 * <dialog> (Escape and "Keep answering" close it), its links lead to those questions.
 */
export const UnansweredDialog = forwardRef<
  HTMLDialogElement,
  { unanswered: number[]; onSubmitAnyway: () => void; onClose: () => void }
>(function UnansweredDialog({ unanswered, onSubmitAnyway, onClose }, ref) {
  const { t } = useTranslation('learning')
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="unanswered-dialog-title">
      <h2 id="unanswered-dialog-title">{t('attempt.confirmTitle', { count: unanswered.length })}</h2>
      <p>{t('attempt.confirmText')}</p>
      <QuestionLinks positions={unanswered} onFollow={onClose} />
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('attempt.keepAnswering')}
        </button>
        <button type="button" className="button" onClick={onSubmitAnyway}>
          {t('attempt.submitAnyway')}
        </button>
      </p>
    </dialog>
  )
})

/**
 * Without JavaScript: the server's answer to a submit with questions unanswered. The answers are
 * saved, nothing is graded; the learner goes back to the questions or submits as they are.
 */
export function UnansweredReview({ unanswered, seq }: { unanswered: number[]; seq: number }) {
  const { t } = useTranslation('learning')
  return (
    <section id="unanswered" className="card alert" aria-labelledby="unanswered-review-title" tabIndex={-1}>
      <h2 id="unanswered-review-title">{t('attempt.confirmTitle', { count: unanswered.length })}</h2>
      <p>{t('attempt.confirmSaved')}</p>
      <QuestionLinks positions={unanswered} />
      <Form method="post">
        <input type="hidden" name="seq" value={seq} />
        <input type="hidden" name="confirmed" value="1" />
        <SubmitButton name="intent" value="submit">
          {t('attempt.submitAnyway')}
        </SubmitButton>
      </Form>
    </section>
  )
}
