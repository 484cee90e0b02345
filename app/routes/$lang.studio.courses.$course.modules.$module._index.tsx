import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ModuleEditorForm, type EditorLanguage } from '~/components/module-editor/editor-form'
import { Conflict } from '~/components/module-editor/editor-pane'
import { RevisionComparison, RevisionHistory } from '~/components/module-editor/revision-history'
import { requirePermissionOrNotFound } from '~/edge/guard.server'
import { runModuleEditorAction, type EditorProblem } from '~/edge/studio-module-editor.server'
import { LOCALES, type Locale, perLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { RevisionNotFound } from '~/modules/studio/errors'
import { getModuleEditor } from '~/modules/studio/module-editor.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['studio'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requirePermissionOrNotFound(args, 'author:courses')
  const compareWith = new URL(args.request.url).searchParams.get('compare') ?? undefined
  const editor = await getModuleEditor({
    courseSlug: args.params.course ?? '',
    moduleSlug: args.params.module ?? '',
    userId: user.id,
    compareWith,
  }).catch((error: unknown) => {
    if (error instanceof RevisionNotFound) throw new Response('Not found', { status: 404 })
    throw error
  })
  invariantResponse(editor, 'Not found', { status: 404 })
  // The module's title in the author's language, else in any language it has, else its address.
  const titles = [args.context.locale, ...LOCALES].map((each) => editor.drafts[each].title)
  return { ...editor, title: titles.find((title) => title.trim() !== '') ?? editor.module.slug }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export function action(args: ActionFunctionArgs) {
  return runModuleEditorAction(args)
}

export default function ModuleEditorPage() {
  const editor = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const locale = useLocale()
  const { t } = useTranslation('studio')
  const { course, module } = editor
  const editorHref = (query?: Record<string, string>) =>
    href(locale, '/studio/courses/:course/modules/:module', { course: course.slug, module: module.slug, query })
  const problems = actionData?.problems ?? []
  const languages = perLocale((language): EditorLanguage => {
    const draft = editor.drafts[language]
    const kept = actionData?.texts[language]
    return {
      text: kept ? { title: kept.title, markdown: kept.markdown } : { title: draft.title, markdown: draft.markdown },
      version: kept?.version ?? draft.version,
      lastSaved: { at: draft.updatedAt, by: draft.updatedBy },
      status: { title: editor.status.title[language].state, body: editor.status.body[language].state },
      sourceChanges: editor.sourceChanges[language],
      problems: problems
        .filter((problem) => problem.locale === language)
        .map((problem) => ({ field: problem.field, text: problemText(t, problem) })),
    }
  })
  return (
    <>
      <nav aria-label={t('page.breadcrumb')} className="breadcrumb">
        <Link to={href(locale, '/studio')}>{t('page.back')}</Link>
        {' › '}
        <Link to={href(locale, '/studio/courses/:course', { course: course.slug })}>
          {course.title[locale] || course.slug}
        </Link>
      </nav>
      <h1>{editor.title}</h1>
      <p className="lead">{t('editor.intro')}</p>
      <p className="facts">
        <span>
          {module.archivedAt && module.published
            ? t('page.moduleArchived')
            : editor.revisions[0]
              ? t('editor.publishedOn', { date: formatDate(editor.revisions[0].publishedAt, locale) })
              : module.published
                ? t('page.moduleCurrent')
                : t('module.unpublished')}
        </span>
        <span>{t('editor.minutes', { count: module.minutes })}</span>
        <Link to={`${editorHref()}/preview`}>{t('editor.previewAsLearner')}</Link>
        <Link to={href(locale, '/studio/courses/:course/media', { course: course.slug })}>{t('editor.media')}</Link>
      </p>
      <Notice />
      {editor.canEdit ? null : <p className="notice">{t('editor.readOnly')}</p>}
      {problems.length > 0 ? (
        <p className="alert" role="alert">
          {t(actionData?.refused === 'publish' ? 'editor.problemsSummary' : 'editor.notSaved', {
            count: problems.length,
          })}
        </p>
      ) : null}
      {(actionData?.conflicts ?? []).map((conflict) => (
        <Conflict key={conflict.locale} locale={conflict.locale} theirs={conflict} />
      ))}
      <ModuleEditorForm
        languages={languages}
        draftUrl={`${editorHref()}/draft`}
        media={editor.media}
        canEdit={editor.canEdit}
      />
      {editor.canEdit ? (
        <details className="card discard-box">
          <summary>{t('editor.discard')}</summary>
          <p>{t('editor.discardHint')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="discard" />
            <button type="submit" className="button button--secondary">
              {t('editor.discardConfirm')}
            </button>
          </Form>
        </details>
      ) : null}
      {editor.comparison ? (
        <RevisionComparison
          number={editor.comparison.revision.number}
          diff={editor.comparison.diff}
          closeHref={editorHref()}
        />
      ) : null}
      <RevisionHistory
        revisions={editor.revisions}
        canEdit={editor.canEdit}
        compareHref={(revision) => `${editorHref({ compare: revision })}#comparison`}
      />
    </>
  )
}

function problemText(t: TFunction<'studio'>, problem: EditorProblem) {
  const language = t(`languageName.${problem.params.locale as Locale}`, { defaultValue: '' })
  return t(problem.message, { ...problem.params, language })
}

/** What the last form did, from the address it came back to. */
function Notice() {
  const [searchParams] = useSearchParams()
  const { t } = useTranslation('studio')
  const marked = searchParams.get('marked')
  const published = searchParams.get('published')
  const restored = searchParams.get('restored')
  const text = published
    ? t('editor.publishedNotice', { number: published })
    : restored
      ? t('editor.restoredNotice', { number: restored })
      : marked
        ? t('editor.markedNotice')
        : searchParams.has('discarded')
          ? t('editor.discardedNotice')
          : searchParams.has('saved')
            ? t('editor.savedNotice')
            : null
  if (!text) return null
  return (
    <p className="notice" role="status">
      {text}
    </p>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
