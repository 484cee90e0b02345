import { createHash } from 'node:crypto'
import type { CoursePackage, Question } from './package.schema'

/** JSON with object keys sorted, so two equal values always give the same text (JSONB reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) && !Buffer.isBuffer(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Bump when the importer stores anything differently (e.g. the Markdown renderer changes), so every
 * package counts as changed on the next import and is written again.
 */
export const IMPORT_FORMAT_VERSION = 2

/** Identifies a package's whole content: an import of a package with the same hash changes nothing. */
export function hashPackage(pkg: CoursePackage): string {
  return sha256(
    canonicalJson({
      format: IMPORT_FORMAT_VERSION,
      course: pkg.course,
      finalExam: pkg.finalExam,
      modules: pkg.modules.map(({ meta, bodies, quiz }) => ({ meta, bodies, quiz })),
      glossary: pkg.glossary,
      jobAids: pkg.jobAids,
      media: pkg.media.map(({ name, contentType, bytes }) => ({ name, contentType, sha: sha256(bytes) })),
    }),
  )
}

/** What a question row keeps in `definition`: everything except the columns of its own. */
export function questionDefinition(question: Question): Record<string, unknown> {
  const { slug: _slug, type: _type, points: _points, ...definition } = question
  return definition
}
