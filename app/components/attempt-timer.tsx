import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The deadline of a timed attempt. The server renders the end time (children); with JavaScript a
 * countdown runs beside it and, at zero, `onTimeUp` submits the page so the learner lands on the
 * result. The server enforces the deadline either way: this is only the learner's clock.
 */
export function AttemptTimer({
  deadline,
  onTimeUp,
  children,
}: {
  deadline: string
  onTimeUp: () => void
  children: ReactNode
}) {
  const { t } = useTranslation('learning')
  const [left, setLeft] = useState<number | null>(null)
  const fired = useRef(false)
  const timeUp = useRef(onTimeUp)
  useEffect(() => {
    timeUp.current = onTimeUp
  })
  useEffect(() => {
    const end = new Date(deadline).getTime()
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((end - Date.now()) / 1000))
      setLeft(seconds)
      if (seconds === 0 && !fired.current) {
        fired.current = true
        timeUp.current()
      }
    }
    tick()
    const interval = setInterval(tick, 1000)
    return () => clearInterval(interval)
  }, [deadline])
  return (
    <div className="attempt-timer card">
      <p>{children}</p>
      {left !== null ? (
        // Announced politely once a minute, not every second.
        <p className="attempt-timer__left" role="timer" aria-live={left % 60 === 0 ? 'polite' : 'off'}>
          {left === 0 ? t('attempt.timeUp') : t('attempt.timeLeft', { time: clock(left) })}
        </p>
      ) : null}
    </div>
  )
}

function clock(seconds: number) {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}
