/*
 * The module list's studio changes an import would undo (ADR 024). Every import records where it left
 * each module (`imported`); what differs from that now was changed since, and only the studio changes
 * a module list between imports. A change is named when the import would undo it: it puts the package's
 * order and minutes back, makes every module of the package current, and archives a current module the
 * package lacks.
 */

export interface StoredModule {
  slug: string
  position: number
  minutes: number
  archived: boolean
  createdAt: Date
  /** As the last import left it; null for a module added in the studio since. */
  imported: { position: number; minutes: number; archived: boolean } | null
}

export interface IncomingModule {
  slug: string
  minutes: number
}

/**
 * What the import would undo: `order` (the studio's position, the package's), `minutes` (the same),
 * `archived` (archived in the studio, current again after the import), `restored` (restored in the
 * studio, archived again) and `added` (added in the studio, archived because the package lacks it).
 */
export type StructureChange =
  { change: 'order' | 'minutes'; studio: number; package: number } | { change: 'archived' | 'restored' | 'added' }

export interface StructureOverwrite {
  module: string
  changes: StructureChange[]
}

/** The studio's order (ADR 020): position, then age, then slug, as moveModule sorts before it renumbers. */
function inOrder<T extends { slug: string; createdAt: Date }>(modules: T[], position: (module: T) => number) {
  return [...modules]
    .sort(
      (a, b) =>
        position(a) - position(b) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    )
    .map((module) => module.slug)
}

/**
 * Ranks, not positions: a move renumbers the whole list, modules the package does not know included,
 * so a module can change position without changing its place among the package's modules.
 */
function ranks(slugs: string[]) {
  return new Map(slugs.map((slug, index) => [slug, index]))
}

export function structureOverwrites({
  stored,
  incoming,
}: {
  stored: StoredModule[]
  incoming: IncomingModule[]
}): StructureOverwrite[] {
  const packageIndex = new Map(incoming.map((module, index) => [module.slug, index]))
  const common = stored.filter((module) => packageIndex.has(module.slug))
  const now = ranks(inOrder(common, (module) => module.position))
  const inPackage = ranks(incoming.map((module) => module.slug).filter((slug) => now.has(slug)))
  const baselined = common.filter((module) => module.imported !== null)
  const nowBaselined = ranks(inOrder(baselined, (module) => module.position))
  const imported = ranks(inOrder(baselined, (module) => module.imported?.position ?? 0))

  const overwrites: StructureOverwrite[] = []
  for (const module of stored) {
    const changes: StructureChange[] = []
    const index = packageIndex.get(module.slug)
    const before = module.imported
    if (index !== undefined) {
      const moved = !before || nowBaselined.get(module.slug) !== imported.get(module.slug)
      if (moved && now.get(module.slug) !== inPackage.get(module.slug))
        changes.push({ change: 'order', studio: module.position, package: index + 1 })
      const minutes = incoming[index]?.minutes ?? module.minutes
      if ((!before || before.minutes !== module.minutes) && module.minutes !== minutes)
        changes.push({ change: 'minutes', studio: module.minutes, package: minutes })
      if (module.archived && (!before || !before.archived)) changes.push({ change: 'archived' })
    } else if (!module.archived) {
      // The package lacks a current module: the import archives it. Its own doing when it was in the last package.
      if (!before) changes.push({ change: 'added' })
      else if (before.archived) changes.push({ change: 'restored' })
    }
    if (changes.length > 0) overwrites.push({ module: module.slug, changes })
  }
  return overwrites
}
