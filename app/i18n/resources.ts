import type { Resource, ResourceKey } from 'i18next'

// Every JSON under app/locales/<lng>/<namespace>.json, bundled eagerly: a few kilobytes in all.
const files = import.meta.glob<ResourceKey>('../locales/*/*.json', { eager: true, import: 'default' })

export const resources: Resource = {}
for (const [file, content] of Object.entries(files)) {
  const [, lng, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? []
  if (!lng || !ns) continue
  resources[lng] ??= {}
  resources[lng][ns] = content
}
