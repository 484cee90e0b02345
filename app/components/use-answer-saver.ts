import { useNavigate } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { AnswerSaver, type SaverStatus } from './answer-saver'
import { fieldPosition } from '~/modules/quiz/answer-fields'

export type { SaverStatus }

/** The attempt form's saving with JavaScript (AnswerSaver), wired to the form's events. */
export function useAnswerSaver({
  attemptId,
  saveUrl,
  pageSeq,
}: {
  attemptId: string
  saveUrl: string
  pageSeq: number
}) {
  const navigate = useNavigate()
  const goTo = useRef(navigate)
  const [status, setStatus] = useState<SaverStatus>({ kind: 'idle' })
  const form = useRef<HTMLFormElement>(null)
  const saver = useRef<AnswerSaver | null>(null)
  useEffect(() => {
    goTo.current = navigate
  }, [navigate])
  // One saver per attempt: another attempt opened in the same page gets its own queue.
  useEffect(() => {
    const current = new AnswerSaver({
      attemptId,
      saveUrl,
      pageSeq,
      form: () => form.current,
      onStatus: setStatus,
      goTo: (url) => void goTo.current(url),
    })
    saver.current = current
    return current.start()
  }, [attemptId, saveUrl, pageSeq])

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const position = event.target instanceof Element ? fieldPosition(event.target.getAttribute('name') ?? '') : null
    if (position !== null) saver.current?.changed(position)
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Before hydration there is no saver yet: the form posts to the page as it would without JavaScript.
    if (!saver.current) return
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    if (submitter?.getAttribute('value') === 'submit') return saver.current.submit()
    const shown = new FormData(event.currentTarget).get('shown')
    saver.current.saveNow(
      String(shown ?? '')
        .split(',')
        .filter(Boolean)
        .map(Number),
    )
  }
  /** Submits for grading without the form's button: the confirmation dialog, the clock at zero. */
  const submit = () => {
    if (saver.current) saver.current.submit()
    else form.current?.requestSubmit()
  }
  return { form, status, onChange, onSubmit, submit }
}
