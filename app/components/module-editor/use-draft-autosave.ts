import { useEffect, useRef, useState } from 'react'
import type { Locale } from '~/i18n/config'
import { DraftSaver, type DraftConflictView, type DraftText, type SaveState } from './draft-saver'

export type { DraftConflictView, DraftText, SaveState }

/** One language's DraftSaver, started once the page runs its script, with its state for rendering. */
export function useDraftAutosave(options: { url: string; locale: Locale; version: number; text: DraftText }) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null })
  const [version, setVersion] = useState(options.version)
  const saver = useRef<DraftSaver | null>(null)
  const initial = useRef(options)
  useEffect(() => {
    const current = new DraftSaver({
      ...initial.current,
      onState: (next, nextVersion) => {
        setState(next)
        setVersion(nextVersion)
      },
    })
    saver.current = current
    const online = () => current.online()
    window.addEventListener('online', online)
    return () => {
      window.removeEventListener('online', online)
      current.dispose()
    }
  }, [])
  return {
    state,
    version,
    change: (text: DraftText) => saver.current?.change(text),
    suspend: () => saver.current?.suspend(),
    resume: () => saver.current?.resume(),
    /** The version the next post must carry: the saver's own, ahead of the state React renders from. */
    currentVersion: () => saver.current?.version ?? options.version,
    settled: () => saver.current?.settled() ?? Promise.resolve(),
    keepMine: (theirs: DraftConflictView) => saver.current?.keepMine(theirs),
    takeTheirs: (theirs: DraftConflictView) => {
      saver.current?.takeTheirs(theirs)
      setVersion(theirs.version)
    },
  }
}
