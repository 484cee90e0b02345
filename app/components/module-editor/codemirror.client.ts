import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { drawSelection, EditorView, keymap } from '@codemirror/view'

// The studio's Markdown editor (ADR 021): CodeMirror 6 edits the Markdown as text — nothing rewrites
// it — with highlighting, undo and the usual keys. Tab is left to the browser so the keyboard can
// leave the editor (WCAG 2.1.2); no indent-with-Tab.

/** The page's CSP nonce: CodeMirror adds its theme as a <style> element, which the policy allows with it. */
function pageNonce() {
  return document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''
}

export function createMarkdownView({
  parent,
  doc,
  lang,
  attributes,
  onChange,
}: {
  parent: HTMLElement
  doc: string
  lang: string
  /** ARIA and the like for the editable element, which takes the textarea's place. */
  attributes: Record<string, string>
  onChange: (text: string) => void
}) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        EditorView.cspNonce.of(pageNonce()),
        history(),
        drawSelection(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        markdown(),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ ...attributes, lang, spellcheck: 'true', 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString())
        }),
      ],
    }),
  })
}
