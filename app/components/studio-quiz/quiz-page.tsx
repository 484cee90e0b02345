import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ScrollTable } from '~/components/data-table'
import { IntentButton } from '~/components/intent-button'
import type { loadStudioQuiz, StudioQuizActionData } from '~/edge/studio-quiz.server'
import { LOCALES } from '~/i18n/config'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { formatDateTime } from '~/utils/format'
import { QUESTION_TYPES } from '~/modules/studio/question.schema'
import { quizHref, regradeHref, statisticsHref } from '~/modules/studio/quiz-ref'
import { ProblemList } from './problem-list'
import { QuizSettingsForm } from './quiz-settings-form'

type QuizData = Awaited<ReturnType<typeof loadStudioQuiz>>

/** A module's quiz or the final exam in the studio (ADR 025): settings, questions, publishing, history. */
export function StudioQuizPage() {
  const data = useLoaderData<QuizData>()
  const actionData: StudioQuizActionData | undefined = useActionData()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const { ref, course, module, canEdit } = data
  const title = module
    ? t('quiz.moduleQuizTitle', { module: localizedName(module.title, locale) })
    : t('quiz.examTitle', { course: localizedName(course.title, locale) })
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio')}>{t('page.back')}</Link>
        {' / '}
        <Link to={href(locale, '/studio/courses/:course', { course: course.slug })}>
          {localizedName(course.title, locale)}
        </Link>
        {module ? (
          <>
            {' / '}
            <Link
              to={href(locale, '/studio/courses/:course/modules/:module', { course: course.slug, module: module.slug })}
            >
              {localizedName(module.title, locale)}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{title}</h1>
      <QuizNotice />
      {canEdit ? null : <p className="notice">{t('page.previewOnly')}</p>}
      <p>
        {data.differs ? t('quiz.draftDiffers') : data.published ? t('quiz.draftSame') : t('quiz.neverPublished')}
        {data.updatedAt
          ? ` ${t('quiz.lastSaved', { date: formatDateTime(data.updatedAt, locale), by: data.updatedBy ?? '—' })}`
          : ''}
      </p>
      <QuizSettingsForm
        settings={data.settings}
        version={data.settingsVersion}
        exam={ref.module === null}
        modulesCount={data.modules.length}
        canEdit={canEdit}
        answer={actionData?.form === 'settings' ? actionData : undefined}
        courseSlug={course.slug}
      />
      <QuestionList />
      {data.published ? (
        <p>
          <Link to={statisticsHref(locale, ref)}>{t('quiz.statisticsLink')}</Link>
        </p>
      ) : null}
      {canEdit ? (
        <section className="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{t('quiz.publishTitle')}</h2>
          <ProblemList
            problems={actionData?.form === 'publish' ? actionData.problems : data.problems}
            refused={actionData?.form === 'publish'}
          />
          <Form method="post">
            <div className="field">
              <label htmlFor="publish-note">{t('quiz.publishNote')}</label>
              <input id="publish-note" name="note" maxLength={500} />
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="publish" className="button">
                {t('quiz.publish')}
              </button>
              {data.differs && data.published ? (
                <button type="submit" name="intent" value="discard" className="button button--secondary">
                  {t('quiz.discard')}
                </button>
              ) : null}
            </div>
          </Form>
        </section>
      ) : null}
      <Revisions revisions={data.revisions} />
    </>
  )
}

function QuizNotice() {
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('studio')
  const keys = ['duplicated', 'moved', 'retired', 'restored'] as const
  const question = keys.map((key) => [key, searchParams.get(key)] as const).find(([, value]) => value)
  const published = searchParams.get('published')
  const notice = question
    ? t(`quiz.notice.${question[0]}`, { question: question[1] })
    : published
      ? [
          t('quiz.notice.published', { revision: published }),
          searchParams.get('outOfDate')
            ? t('quiz.notice.outOfDate', { count: Number(searchParams.get('outOfDate')) })
            : '',
        ]
          .filter(Boolean)
          .join(' ')
      : searchParams.has('settingsSaved')
        ? t('quiz.notice.settingsSaved')
        : searchParams.has('discarded')
          ? t('quiz.notice.discarded')
          : null
  if (!notice) return null
  return (
    <p className="notice" role="status">
      {notice}
    </p>
  )
}

function QuestionList() {
  const { ref, questions, canEdit, modules } = useLoaderData<QuizData>()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const current = questions.filter((question) => !question.retired).length
  return (
    <section className="card" aria-labelledby="questions-title">
      <h2 id="questions-title">{t('quiz.questionsTitle', { count: current })}</h2>
      {questions.length === 0 ? (
        <p>{t('quiz.noQuestions')}</p>
      ) : (
        <ScrollTable
          caption={t('quiz.questionsCaption')}
          captionHidden
          columns={[
            t('quiz.question'),
            t('quiz.type'),
            t('quiz.points'),
            ...(ref.module === null ? [t('quiz.module')] : []),
            ...LOCALES.map((language) => t(`languageName.${language}`)),
            t('module.actions'),
          ]}
        >
          {questions.map((question, index) => {
            const name = localizedName(question.prompt, locale)
            const button = (intent: string, label: string) => (
              <IntentButton
                field="question"
                id={question.slug}
                intent={intent}
                label={label}
                accessibleName={`${label}: ${question.slug}`}
              />
            )
            return (
              <tr key={question.slug} className={question.retired ? 'row--muted' : undefined}>
                <th scope="row">
                  <Link to={quizHref(locale, ref, `/questions/${question.slug}`)}>{name}</Link>
                  <br />
                  <small>
                    {question.slug}
                    {question.retired ? ` · ${t('quiz.retired')}` : question.published ? '' : ` · ${t('quiz.new')}`}
                  </small>
                  {question.toRegrade > 0 ? (
                    <>
                      <br />
                      <Link to={regradeHref(locale, ref, question.slug)}>
                        {t('question.toRegradeShort', { count: question.toRegrade })}
                      </Link>
                    </>
                  ) : null}
                </th>
                <td>{t(`questionType.${question.type}`)}</td>
                <td>{question.points}</td>
                {ref.module === null ? (
                  <td>
                    {question.module
                      ? localizedName(modules.find((m) => m.slug === question.module)?.title ?? {}, locale) ||
                        question.module
                      : '—'}
                  </td>
                ) : null}
                {LOCALES.map((language) => (
                  <td key={language}>{t(`textState.${question.languages[language]}`)}</td>
                ))}
                <td>
                  {canEdit ? (
                    <div className="row-actions">
                      {index > 0 ? button('up', t('quiz.moveUp')) : null}
                      {index < questions.length - 1 ? button('down', t('quiz.moveDown')) : null}
                      {button('duplicate', t('quiz.duplicate'))}
                      {question.retired ? button('restore', t('quiz.restore')) : button('retire', t('quiz.retire'))}
                    </div>
                  ) : null}
                  <Link to={quizHref(locale, ref, `/questions/${question.slug}/preview`)}>{t('quiz.preview')}</Link>
                </td>
              </tr>
            )
          })}
        </ScrollTable>
      )}
      {canEdit ? (
        <Form method="post" className="button-row">
          <div className="field">
            <label htmlFor="new-question-type">{t('quiz.newQuestionType')}</label>
            <select id="new-question-type" name="type" defaultValue="single">
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`questionType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="intent" value="add" className="button">
            {t('quiz.addQuestion')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

function Revisions({ revisions }: { revisions: QuizData['revisions'] }) {
  const { t } = useTranslation('studio')
  const locale = useLocale()
  if (revisions.length === 0) return null
  return (
    <section className="card" aria-labelledby="quiz-history-title">
      <h2 id="quiz-history-title">{t('quiz.historyTitle')}</h2>
      <ol className="plain-list">
        {revisions.map((revision) => (
          <li key={revision.number}>
            {t('quiz.revision', {
              number: revision.number,
              date: formatDateTime(revision.publishedAt, locale),
              by: revision.publishedBy ?? t('quiz.imported'),
            })}
            {revision.note ? ` — ${revision.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  )
}

export function StudioQuizErrorBoundary() {
  return <GeneralErrorBoundary />
}
