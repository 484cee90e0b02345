import { LRUCache } from 'lru-cache'
import { getPrisma } from '~/utils/db.server'
import { singleton } from '~/utils/singleton.server'

/*
 * Rendered module bodies are the largest values the busiest page reads, and they only change on
 * import. Each body is cached under the hash of its Markdown, so a cached copy is never stale — a new
 * import gives a new hash — and app instances need no coordination: each keeps its own cache.
 */
const cache = () =>
  singleton(
    'module-html',
    () => new LRUCache<string, string>({ maxSize: 32 * 2 ** 20, sizeCalculation: (html) => html.length || 1 }),
  )

export async function getModuleHtml({
  moduleId,
  locale,
  sourceHash,
}: {
  moduleId: string
  locale: string
  sourceHash: string
}) {
  const key = `${moduleId}:${locale}:${sourceHash}`
  const cached = cache().get(key)
  if (cached !== undefined) return cached
  const row = await getPrisma().moduleContent.findFirst({
    where: { moduleId, locale, sourceHash },
    select: { html: true },
  })
  if (row) cache().set(key, row.html)
  return row?.html ?? null
}
