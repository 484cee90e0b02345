import type { MetaDescriptor } from '@remix-run/node'

/** `<title>` from the loader's translated title, so meta needs no i18n instance of its own. */
export function titleMeta(data: { title?: string } | undefined): MetaDescriptor[] {
  return [{ title: data?.title ? `${data.title} · e-Training` : 'e-Training' }]
}

/**
 * A route's own description for search results and link previews: its handle's `description`, given the
 * route's (translated) loader data. Routes without one share the site's description (root.tsx).
 */
export interface DescribedHandle {
  description?: (data: unknown) => string | null | undefined
}

interface DescribableMatch {
  handle?: unknown
  data?: unknown
}

/** The deepest matched route's description that is not empty, else `fallback`; one line, at most 160 characters. */
export function pageDescription(matches: DescribableMatch[], fallback: string): string {
  for (const match of [...matches].reverse()) {
    const describe = (match.handle as DescribedHandle | undefined)?.description
    const text = typeof describe === 'function' && match.data ? describe(match.data)?.replace(/\s+/g, ' ').trim() : ''
    if (text) return text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text
  }
  return fallback
}
