import { Form, useNavigation, useSubmit } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '~/i18n/config'
import { useHydrated } from '../use-hydrated'
import { EditorPane, type NamedFigure, type PaneProps } from './editor-pane'
import { UnsavedChangesGuard } from './unsaved-changes-guard'
import { useDraftAutosave } from './use-draft-autosave'

/** One language as the page gives it: its text and version, last save, status and problems. */
export type EditorLanguage = Pick<PaneProps, 'text' | 'version' | 'lastSaved' | 'status' | 'sourceChanges' | 'problems'>

interface SavingControls {
  settled: () => Promise<void>
  suspend: () => void
  resume: () => void
  currentVersion: () => number
}

/**
 * The module editor's main form (ADR 021): both languages side by side (tabs on a narrow screen),
 * each saving its draft as the author types. Its buttons — save, publish, mark up to date — post
 * every language's text, so without JavaScript it is a plain form that saves and acts in one go.
 */
export function ModuleEditorForm({
  languages,
  draftUrl,
  media,
  canEdit,
}: {
  languages: Record<Locale, EditorLanguage>
  draftUrl: string
  media: NamedFigure[]
  canEdit: boolean
}) {
  const { t } = useTranslation('studio')
  const [tab, setTab] = useState<Locale>(LOCALES[0])
  // Tabs are the script's: the server's page (and a browser without JavaScript) shows every language.
  const tabbed = useHydrated()
  const [unsaved, setUnsaved] = useState<Locale[]>([])
  const controls = useRef(new Map<Locale, SavingControls>())
  const navigation = useNavigation()
  const submit = useSubmit()

  const onUnsaved = useCallback((locale: Locale, isUnsaved: boolean) => {
    setUnsaved((now) =>
      isUnsaved === now.includes(locale) ? now : isUnsaved ? [...now, locale] : now.filter((each) => each !== locale),
    )
  }, [])

  // With JavaScript the form is posted by script: saving as one types stops first (a save may not
  // cross the post), a save on its way is waited for, and each language goes with the version its
  // saver holds — newer than the hidden field React last rendered.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const savers = [...controls.current.entries()]
    for (const [, saving] of savers) saving.suspend()
    void Promise.all(savers.map(([, saving]) => saving.settled())).then(() => {
      const formData = new FormData(form, submitter)
      for (const [locale, saving] of savers) formData.set(`${locale}.version`, String(saving.currentVersion()))
      submit(formData, { method: 'post' })
    })
  }

  // The form came back without a new page (refused, or a conflict): saving as one types goes on.
  useEffect(() => {
    if (navigation.state === 'idle') for (const saving of controls.current.values()) saving.resume()
  }, [navigation.state])

  return (
    <>
      {tabbed ? (
        <div className="editor-tabs" role="tablist" aria-label={t('editor.languages')}>
          {LOCALES.map((locale) => (
            <button
              key={locale}
              id={`${locale}-tab`}
              type="button"
              role="tab"
              aria-selected={tab === locale}
              aria-controls={`${locale}-pane`}
              tabIndex={tab === locale ? 0 : -1}
              onClick={() => setTab(locale)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
                const next = LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!
                setTab(next)
                document.getElementById(`${next}-tab`)?.focus()
              }}
            >
              {t(`languageName.${locale}`)}
            </button>
          ))}
        </div>
      ) : null}
      <Form method="post" className="module-editor" onSubmit={onSubmit}>
        <div className="editor-panes">
          {LOCALES.map((locale) => (
            <SavedPane
              // A page that comes back from the server with another version starts again from its text.
              key={`${locale}:${languages[locale].version}`}
              locale={locale}
              language={languages[locale]}
              draftUrl={draftUrl}
              media={media}
              canEdit={canEdit}
              inactive={tabbed && tab !== locale}
              onUnsaved={onUnsaved}
              register={(saving) => controls.current.set(locale, saving)}
            />
          ))}
        </div>
        {canEdit ? (
          <div className="card publish-box">
            <div className="field">
              <label htmlFor="publish-note">{t('editor.noteLabel')}</label>
              <p id="publish-note-hint" className="hint">
                {t('editor.noteHint')}
              </p>
              <input id="publish-note" name="note" maxLength={500} aria-describedby="publish-note-hint" />
            </div>
            <p className="button-row">
              <button type="submit" name="intent" value="publish" className="button">
                {t('editor.publish')}
              </button>
              <button type="submit" name="intent" value="save" className="button button--secondary">
                {t('editor.save')}
              </button>
            </p>
            <p className="hint">{t('editor.publishHint')}</p>
          </div>
        ) : null}
      </Form>
      <UnsavedChangesGuard when={unsaved.length > 0 && navigation.state === 'idle'} />
    </>
  )
}

function SavedPane({
  locale,
  language,
  draftUrl,
  media,
  canEdit,
  inactive,
  onUnsaved,
  register,
}: {
  locale: Locale
  language: EditorLanguage
  draftUrl: string
  media: NamedFigure[]
  canEdit: boolean
  inactive: boolean
  onUnsaved: (locale: Locale, unsaved: boolean) => void
  register: (saving: SavingControls) => void
}) {
  const [text, setText] = useState(language.text)
  const [reset, setReset] = useState(0)
  const saving = useDraftAutosave({ url: draftUrl, locale, version: language.version, text: language.text })
  register(saving)
  const isUnsaved = saving.state.kind !== 'saved'
  useEffect(() => onUnsaved(locale, isUnsaved), [locale, isUnsaved, onUnsaved])
  return (
    <EditorPane
      // Taking the other author's text puts it into fresh fields.
      key={reset}
      locale={locale}
      text={text}
      version={saving.version}
      lastSaved={language.lastSaved}
      status={language.status}
      sourceChanges={language.sourceChanges}
      problems={language.problems}
      saveState={saving.state}
      media={media}
      canEdit={canEdit}
      inactive={inactive}
      onChange={(next) => {
        setText(next)
        saving.change(next)
      }}
      onKeepMine={(theirs) => saving.keepMine(theirs)}
      onTakeTheirs={(theirs) => {
        saving.takeTheirs(theirs)
        setText({ title: theirs.title, markdown: theirs.markdown })
        setReset((count) => count + 1)
      }}
    />
  )
}
