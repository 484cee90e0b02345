import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LocalTime } from './local-time'
import { markReached } from './timer-announcements'

/**
 * The deadline of a timed attempt, kept in view while the learner scrolls (sticky, one line on a
 * phone). The server renders the end time in UTC; with JavaScript it switches to the learner's own
 * time, a countdown runs beside it, the five- and one-minute marks are announced to screen readers
 * once each, and at zero `onTimeUp` submits the page so the learner lands on the result. The server
 * enforces the deadline either way: this is only the learner's clock.
 */
export function AttemptTimer({ deadline, onTimeUp }: { deadline: string; onTimeUp: () => void }) {
  const { t } = useTranslation('learning')
  const [left, setLeft] = useState<number | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const fired = useRef(false)
  const timeUp = useRef(onTimeUp)
  useEffect(() => {
    timeUp.current = onTimeUp
  })
  useEffect(() => {
    const end = new Date(deadline).getTime()
    let previous: number | null = null
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((end - Date.now()) / 1000))
      const mark = markReached(previous, seconds)
      if (mark !== null) setAnnouncement(t('attempt.minutesLeft', { count: mark / 60 }))
      previous = seconds
      setLeft(seconds)
      if (seconds === 0 && !fired.current) {
        fired.current = true
        timeUp.current()
      }
    }
    tick()
    const interval = setInterval(tick, 1000)
    return () => clearInterval(interval)
  }, [deadline, t])
  return (
    <div className="attempt-timer">
      <p className="attempt-timer__end">
        {t('attempt.deadline')} <LocalTime value={deadline} style="time" />
      </p>
      {left !== null ? (
        // Read on demand, never spoken by itself every second: the marks go through the live region.
        <p className="attempt-timer__left" role="timer" aria-live="off">
          {left === 0 ? t('attempt.timeUp') : t('attempt.timeLeft', { time: clock(left) })}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
    </div>
  )
}

function clock(seconds: number) {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
