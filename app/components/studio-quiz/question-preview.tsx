import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { QuestionFields } from '~/components/question-fields'
import { ReviewedQuestion } from '~/components/reviewed-question'
import type { loadQuestionPreview, runQuestionPreview } from '~/edge/studio-question-preview.server'
import { LOCALES } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import { quizHref } from '~/modules/studio/quiz-ref'

type PreviewData = Awaited<ReturnType<typeof loadQuestionPreview>>

/**
 * A draft question as a learner meets it in an attempt, answered and scored here and now; nothing is
 * recorded. The other language is one link away.
 */
export function StudioQuestionPreview() {
  const loaded = useLoaderData<PreviewData>()
  const answered = useActionData<typeof runQuestionPreview>()
  const data = (answered as PreviewData | undefined) ?? loaded
  const locale = useLocale()
  const { pathname } = useLocation()
  const { t } = useTranslation(['studio', 'learning'])
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={quizHref(locale, data.ref)}>{data.courseTitle}</Link>
        {' / '}
        <Link to={quizHref(locale, data.ref, `/questions/${data.slug}`)}>{data.slug}</Link>
      </nav>
      <p className="notice notice--warning" role="note">
        {t('preview.questionBanner')}
      </p>
      <p>
        {LOCALES.filter((other) => other !== locale).map((other) => (
          <Link key={other} to={quizHref(other, data.ref, `/questions/${data.slug}/preview`)}>
            {t('preview.questionIn', { inLanguage: t(`inLanguage.${other}`) })}
          </Link>
        ))}
      </p>
      <h1>{data.title}</h1>
      {data.review ? (
        <>
          <ol className="review__items">
            <ReviewedQuestion item={data.review} />
          </ol>
          <Link to={pathname} className="button">
            {t('preview.tryAgain')}
          </Link>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="seq" value="0" />
          <input type="hidden" name="shown" value="0" />
          <input type="hidden" name="draw" value={data.draw} />
          <QuestionFields position={0} total={1} question={data.question} answer={{}} />
          <button type="submit" className="button">
            {t('preview.check')}
          </button>
        </Form>
      )}
    </>
  )
}
