import type { MetaDescriptor } from '@remix-run/node'

/** `<title>` from the loader's translated title, so meta needs no i18n instance of its own. */
export function titleMeta(data: { title?: string } | undefined): MetaDescriptor[] {
  return [{ title: data?.title ? `${data.title} · e-Training` : 'e-Training' }]
}
