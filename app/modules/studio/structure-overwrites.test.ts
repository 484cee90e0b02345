import { describe, expect, it } from 'vitest'
import { structureOverwrites, type StoredModule } from './structure-overwrites'

const created = new Date('2026-12-01T10:00:00Z')

/** A module as an import of `a, b, c` (20 minutes each) left it, with what changed since. */
function stored(slug: string, position: number, changes: Partial<StoredModule> = {}): StoredModule {
  return {
    slug,
    position,
    minutes: 20,
    archived: false,
    createdAt: created,
    imported: { position, minutes: 20, archived: false },
    ...changes,
  }
}

const incoming = (...slugs: string[]) => slugs.map((slug) => ({ slug, minutes: 20 }))
const imported = [stored('a', 1), stored('b', 2), stored('c', 3)]

describe('structureOverwrites', () => {
  it('finds nothing when the module list is as the last import left it, whatever the package changes', () => {
    expect(structureOverwrites({ stored: imported, incoming: incoming('c', 'a', 'd') })).toEqual([])
    const minutes = [{ slug: 'a', minutes: 45 }, ...incoming('b', 'c')]
    expect(structureOverwrites({ stored: imported, incoming: minutes })).toEqual([])
  })

  it('names the modules the studio moved when the package puts them back', () => {
    // "Move c up": the studio renumbers the list.
    const was = (position: number) => ({ position, minutes: 20, archived: false })
    const moved = [stored('a', 1), stored('c', 2, { imported: was(3) }), stored('b', 3, { imported: was(2) })]
    expect(structureOverwrites({ stored: moved, incoming: incoming('a', 'b', 'c') })).toEqual([
      { module: 'c', changes: [{ change: 'order', studio: 2, package: 3 }] },
      { module: 'b', changes: [{ change: 'order', studio: 3, package: 2 }] },
    ])
    // A package that has caught up with the studio undoes nothing.
    expect(structureOverwrites({ stored: moved, incoming: incoming('a', 'c', 'b') })).toEqual([])
  })

  it('does not take a module added in the studio, moved among the others, for a change of their order', () => {
    const list = [stored('a', 1), stored('d', 2, { imported: null, archived: true }), stored('b', 3), stored('c', 4)]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b', 'c') })).toEqual([])
  })

  it('names minutes changed in the studio when the package has others', () => {
    const list = [stored('a', 1, { minutes: 35 }), stored('b', 2), stored('c', 3)]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b', 'c') })).toEqual([
      { module: 'a', changes: [{ change: 'minutes', studio: 35, package: 20 }] },
    ])
    const agreed = [{ slug: 'a', minutes: 35 }, ...incoming('b', 'c')]
    expect(structureOverwrites({ stored: list, incoming: agreed })).toEqual([])
  })

  it('names a module archived in the studio that the package makes current again', () => {
    const list = [stored('a', 1), stored('b', 2, { archived: true }), stored('c', 3)]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b', 'c') })).toEqual([
      { module: 'b', changes: [{ change: 'archived' }] },
    ])
    // The package drops it too: the import leaves it archived.
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'c') })).toEqual([])
  })

  it('names a module restored in the studio that the package still lacks', () => {
    const gone = { position: 3, minutes: 20, archived: true }
    const list = [stored('a', 1), stored('b', 2), stored('c', 3, { imported: gone })]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b') })).toEqual([
      { module: 'c', changes: [{ change: 'restored' }] },
    ])
  })

  it('names a current module added in the studio that the package lacks, not one never published', () => {
    const list = [...imported, stored('d', 4, { imported: null })]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b', 'c') })).toEqual([
      { module: 'd', changes: [{ change: 'added' }] },
    ])
    const unpublished = [...imported, stored('d', 4, { imported: null, archived: true })]
    expect(structureOverwrites({ stored: unpublished, incoming: incoming('a', 'b', 'c') })).toEqual([])
  })

  it('leaves a module the last package dropped to the package: archiving it is its own doing', () => {
    const list = [stored('a', 1), stored('b', 2), stored('c', 3)]
    expect(structureOverwrites({ stored: list, incoming: incoming('a', 'b') })).toEqual([])
  })

  it('names every difference of a module added in the studio that the package also has', () => {
    const list = [...imported, stored('d', 4, { imported: null, minutes: 10, archived: true })]
    expect(structureOverwrites({ stored: list, incoming: incoming('d', 'a', 'b', 'c') })).toEqual([
      {
        module: 'd',
        changes: [
          { change: 'order', studio: 4, package: 1 },
          { change: 'minutes', studio: 10, package: 20 },
          { change: 'archived' },
        ],
      },
    ])
  })
})
