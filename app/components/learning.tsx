import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LearningIntent } from '~/modules/catalog/enrolment.schema'
import { SubmitButton } from './submit-button'

/** The course's progress as a native <progress> with the same figures in words beside it. */
export function CourseProgressBar({
  progress,
  id,
}: {
  progress: { total: number; completed: number; percent: number }
  id: string
}) {
  const { t } = useTranslation('learning')
  return (
    <div className="course-progress">
      <progress id={id} max={100} value={progress.percent} aria-label={t('progress.label')} />
      <span>{t('progress.summary', progress)}</span>
    </div>
  )
}

export function Duration({ minutes }: { minutes: number }) {
  const { t } = useTranslation('learning')
  const hours = Math.floor(minutes / 60)
  return (
    <>{hours > 0 ? t('duration.hoursMinutes', { hours, minutes: minutes % 60 }) : t('duration.minutes', { minutes })}</>
  )
}

/** A one-button POST form (enrol, mark as complete): works the same with or without JavaScript. */
export function IntentButton({ intent, children }: { intent: LearningIntent; children: ReactNode }) {
  return (
    <Form method="post">
      <SubmitButton name="intent" value={intent} className="button">
        {children}
      </SubmitButton>
    </Form>
  )
}
