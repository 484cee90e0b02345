import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { ReviewItem, ShownAnswer } from '~/modules/quiz/review'
import { formatNumber } from '~/utils/format'

/** One question of a review: the learner's answer, the right one, the points earned and the explanation. */
export function ReviewedQuestion({ item }: { item: ReviewItem }) {
  const { t } = useTranslation('learning')
  const verdict = item.fraction === 1 ? 'right' : item.fraction > 0 ? 'partly' : 'wrong'
  const locale = useLocale()
  const earned = formatNumber(Math.round(item.points * item.fraction * 100) / 100, locale)
  return (
    <li className={`card review-item review-item--${verdict}`}>
      <p className="review-item__prompt">{item.prompt}</p>
      <p className="review-item__verdict">
        <strong>{t(`review.${verdict}`)}</strong> · {t('review.earned', { earned, points: item.points })}
      </p>
      <dl>
        <dt>{t('review.yourAnswer')}</dt>
        <dd>
          <Shown answer={item.given} />
        </dd>
        <dt>{t('review.correctAnswer')}</dt>
        <dd>
          <Shown answer={item.correct} />
        </dd>
        <dt>{t('review.explanation')}</dt>
        <dd>{item.explanation}</dd>
      </dl>
    </li>
  )
}

function Shown({ answer }: { answer: ShownAnswer }) {
  const { t } = useTranslation('learning')
  if (answer.kind === 'boolean')
    return <>{answer.value === null ? t('review.noAnswer') : answer.value ? t('attempt.true') : t('attempt.false')}</>
  if (answer.texts.length === 0) return <>{t('review.noAnswer')}</>
  if (answer.texts.length === 1) return <>{answer.texts[0]}</>
  return (
    <ul>
      {answer.texts.map((text, index) => (
        <li key={index}>{text}</li>
      ))}
    </ul>
  )
}
