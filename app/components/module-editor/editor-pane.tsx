import { useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '~/i18n/config'
import { useLocale } from '~/i18n/use-locale'
import { imageResolver, type Figure } from '~/modules/content/media'
import { renderModuleHtml } from '~/modules/content/render-markdown'
import type { DiffPart } from '~/modules/studio/word-diff'
import { formatDateTime, formatTime } from '~/utils/format'
import { MarkdownEditor } from './markdown-editor'
import type { DraftConflictView, DraftText, SaveState } from './use-draft-autosave'
import { WordDiffView } from './word-diff-view'

type Field = 'title' | 'body'
type FieldState = 'missing' | 'outOfDate' | 'upToDate'

export interface PaneProblem {
  field: Field
  text: string
}

/** A course's media file as the editor's preview draws it: its name in Markdown, its address and size. */
export type NamedFigure = { name: string } & Figure

export interface PaneProps {
  locale: Locale
  text: DraftText
  version: number
  lastSaved: { at: string | Date; by: string | null }
  status: Record<Field, FieldState>
  sourceChanges: Partial<Record<Field, { source: Locale; parts: DiffPart[] }>>
  problems: PaneProblem[]
  saveState: SaveState
  media: NamedFigure[]
  canEdit: boolean
  /** Hidden on a narrow screen while the other language's tab is chosen (CSS: both show when wide). */
  inactive: boolean
  onChange: (text: DraftText) => void
  onKeepMine: (theirs: DraftConflictView) => void
  onTakeTheirs: (theirs: DraftConflictView) => void
}

/** One language of the module editor: title, Markdown body, translation status and live preview. */
export function EditorPane(props: PaneProps) {
  const { locale, text, version, status, problems, canEdit, onChange } = props
  const { t } = useTranslation('studio')
  const id = (name: string) => `${locale}-${name}`
  const errorsOf = (field: Field) => problems.filter((problem) => problem.field === field)
  const describedBy = (field: Field, hint?: string) =>
    [hint, `${id(field)}-status`, errorsOf(field).length > 0 ? `${id(field)}-errors` : undefined]
      .filter(Boolean)
      .join(' ')
  return (
    <section
      id={id('pane')}
      className={`editor-pane${props.inactive ? ' editor-pane--inactive' : ''}`}
      aria-labelledby={id('heading')}
    >
      <h2 id={id('heading')} className="editor-pane__title">
        {t(`languageName.${locale}`)}
      </h2>
      <SaveStatus {...props} />
      <input type="hidden" name={`${locale}.version`} value={version} />
      <div className="field">
        <label htmlFor={id('title')}>{t('module.title', { inLanguage: t(`inLanguage.${locale}`) })}</label>
        <FieldStatus field="title" {...props} state={status.title} />
        <input
          id={id('title')}
          name={`${locale}.title`}
          defaultValue={text.title}
          lang={locale}
          readOnly={!canEdit}
          aria-describedby={describedBy('title')}
          aria-invalid={errorsOf('title').length > 0 || undefined}
          onChange={(event) => onChange({ ...text, title: event.target.value })}
        />
        <Problems id={`${id('title')}-errors`} problems={errorsOf('title')} />
      </div>
      <div className="field">
        <label id={id('body-label')} htmlFor={id('body')}>
          {t('editor.bodyLabel', { inLanguage: t(`inLanguage.${locale}`) })}
        </label>
        <p id={id('body-hint')} className="hint">
          {t('editor.bodyHint')}
        </p>
        <FieldStatus field="body" {...props} state={status.body} />
        <MarkdownEditor
          id={id('body')}
          name={`${locale}.markdown`}
          defaultValue={text.markdown}
          lang={locale}
          labelId={id('body-label')}
          describedBy={describedBy('body', id('body-hint'))}
          invalid={errorsOf('body').length > 0}
          readOnly={!canEdit}
          onChange={(markdown) => onChange({ ...text, markdown })}
        />
        <Problems id={`${id('body')}-errors`} problems={errorsOf('body')} />
      </div>
      <Preview locale={locale} markdown={text.markdown} media={props.media} />
    </section>
  )
}

function Problems({ id, problems }: { id: string; problems: PaneProblem[] }) {
  if (problems.length === 0) return null
  return (
    <ul id={id} className="field-error field-error--list">
      {problems.map((problem, index) => (
        <li key={index}>{problem.text}</li>
      ))}
    </ul>
  )
}

/** Missing, out of date (with what changed in the source and the button that confirms it), or up to date. */
function FieldStatus({
  field,
  state,
  locale,
  sourceChanges,
  canEdit,
}: PaneProps & { field: Field; state: FieldState }) {
  const { t } = useTranslation('studio')
  const change = sourceChanges[field]
  return (
    <div id={`${locale}-${field}-status`} className={`field-status field-status--${state}`}>
      <p className="field-status__line">
        <span className={`badge badge--${state}`}>{t(`editor.state.${state}`)}</span>{' '}
        {change ? t(`editor.outOfDate.${field}.${change.source}`) : null}
      </p>
      {change ? (
        <details className="field-status__change">
          <summary>{t(`editor.whatChanged.${change.source}`)}</summary>
          <p className="hint">{t('editor.diffLegend')}</p>
          <WordDiffView parts={change.parts} lang={change.source} />
        </details>
      ) : null}
      {change && canEdit ? (
        <button type="submit" name="intent" value={`mark:${locale}:${field}`} className="button button--secondary">
          {t(`editor.mark.${field}`)}
        </button>
      ) : null}
    </div>
  )
}

function SaveStatus({ locale, saveState, lastSaved, onKeepMine, onTakeTheirs }: PaneProps) {
  const { t } = useTranslation('studio')
  const uiLocale = useLocale()
  const message = (() => {
    switch (saveState.kind) {
      case 'saved':
        return saveState.at
          ? t('editor.saveState.savedAt', { time: formatTime(saveState.at, uiLocale) })
          : t('editor.saveState.lastSaved', {
              date: formatDateTime(lastSaved.at, uiLocale),
              name: lastSaved.by ?? t('editor.someone'),
            })
      case 'refused':
        return t('editor.saveState.refused')
      default:
        return t(`editor.saveState.${saveState.kind}`)
    }
  })()
  return (
    <div className="save-status">
      <p role="status" className={`save-status__line save-status__line--${saveState.kind}`}>
        {message}
      </p>
      {saveState.kind === 'refused' ? (
        <ul className="field-error field-error--list">
          {saveState.messages.map((problem, index) => (
            <li key={index}>{problem.text || t('editor.saveState.refusedUnknown')}</li>
          ))}
        </ul>
      ) : null}
      {saveState.kind === 'conflict' ? (
        <Conflict locale={locale} theirs={saveState.theirs} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} />
      ) : null}
    </div>
  )
}

/** Someone else saved this language since it was opened: both texts are kept until the author chooses. */
export function Conflict({
  locale,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  locale: Locale
  theirs: DraftConflictView
  onKeepMine?: (theirs: DraftConflictView) => void
  onTakeTheirs?: (theirs: DraftConflictView) => void
}) {
  const { t } = useTranslation('studio')
  const uiLocale = useLocale()
  return (
    <div className="alert" role="alert">
      <p>
        {t(`editor.conflict.${locale}`, {
          name: theirs.updatedBy ?? t('editor.someone'),
          time: formatDateTime(theirs.updatedAt, uiLocale),
        })}
      </p>
      <details>
        <summary>{t('editor.theirText')}</summary>
        <p lang={locale}>
          <strong>{theirs.title}</strong>
        </p>
        <pre className="conflict-text" lang={locale}>
          {theirs.markdown}
        </pre>
      </details>
      {onKeepMine && onTakeTheirs ? (
        <p className="button-row">
          <button type="button" className="button" onClick={() => onKeepMine(theirs)}>
            {t('editor.keepMine')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onTakeTheirs(theirs)}>
            {t('editor.takeTheirs')}
          </button>
        </p>
      ) : (
        <p className="hint">{t('editor.conflictNoScript')}</p>
      )}
    </div>
  )
}

/**
 * What learners will get, rendered by the reader's own renderer and sanitiser from the text being
 * written (the server renders the same HTML from the same text, so the page hydrates unchanged).
 */
function Preview({ locale, markdown, media }: { locale: Locale; markdown: string; media: PaneProps['media'] }) {
  const { t } = useTranslation('studio')
  const resolveImage = useMemo(
    () => imageResolver(new Map(media.map(({ name, ...figure }) => [name, figure]))),
    [media],
  )
  // Typing stays quick in a long body: React renders the preview when it has time.
  const deferred = useDeferredValue(markdown)
  const html = useMemo(() => renderModuleHtml({ markdown: deferred, resolveImage }), [deferred, resolveImage])
  const [open, setOpen] = useState(true)
  return (
    <details className="editor-preview" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('editor.preview', { inLanguage: t(`inLanguage.${locale}`) })}</summary>
      <p className="hint">{t('editor.previewHint')}</p>
      {/* Sanitised by the reader's renderer (render-markdown.ts), as learners' pages are. */}
      <div className="prose" lang={locale} dangerouslySetInnerHTML={{ __html: html }} />
    </details>
  )
}
