import { useEffect, useRef, useState } from 'react'

/**
 * A module body's editor: a server-rendered <textarea> (the form works without JavaScript), upgraded in
 * the browser to CodeMirror, which keeps the textarea's value in step so the form posts what is shown.
 * CodeMirror is loaded only when an editor is on the page.
 */
export function MarkdownEditor({
  id,
  name,
  defaultValue,
  lang,
  labelId,
  describedBy,
  invalid,
  readOnly,
  onChange,
}: {
  id: string
  name: string
  defaultValue: string
  lang: string
  labelId: string
  describedBy: string | undefined
  invalid: boolean
  readOnly: boolean
  onChange: (text: string) => void
}) {
  const textarea = useRef<HTMLTextAreaElement>(null)
  const host = useRef<HTMLDivElement>(null)
  const [upgraded, setUpgraded] = useState(false)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  useEffect(() => {
    const area = textarea.current
    const parent = host.current
    if (!area || !parent || readOnly) return
    let view: { destroy(): void } | undefined
    let cancelled = false
    void import('./codemirror.client').then(({ createMarkdownView }) => {
      if (cancelled) return
      view = createMarkdownView({
        parent,
        doc: area.value,
        lang,
        attributes: {
          'aria-labelledby': labelId,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(invalid ? { 'aria-invalid': 'true' } : {}),
        },
        onChange: (text) => {
          area.value = text
          onChangeRef.current(text)
        },
      })
      setUpgraded(true)
    })
    return () => {
      cancelled = true
      view?.destroy()
    }
    // A new problem named under the field rebuilds the editor with it in its description.
  }, [lang, readOnly, labelId, describedBy, invalid])

  return (
    <>
      <textarea
        ref={textarea}
        id={id}
        name={name}
        defaultValue={defaultValue}
        lang={lang}
        rows={18}
        className="markdown-source"
        readOnly={readOnly}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        hidden={upgraded}
        onChange={(event) => onChange(event.target.value)}
      />
      <div ref={host} className="markdown-editor" hidden={!upgraded} />
    </>
  )
}
