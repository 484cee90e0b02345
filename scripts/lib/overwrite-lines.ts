import type { StructureChange } from '~/modules/studio/structure-overwrites'
import type { DetailsField } from '~/modules/studio/course.schema'
import type { StudioOverwrite } from '~/modules/studio/errors'

// What `npm run courses:import` prints for each piece of studio work it would overwrite (ADR 019, 024).

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`

function describeChange(change: StructureChange) {
  switch (change.change) {
    case 'order':
      return `order (no. ${change.studio} in the studio, ${change.package} in the package)`
    case 'minutes':
      return `minutes (${change.studio} in the studio, ${change.package} in the package)`
    case 'archived':
      return 'archived in the studio (the import makes it current again)'
    case 'restored':
      return 'restored in the studio (the import archives it again)'
    case 'added':
      return 'added in the studio (the package lacks it: the import archives it)'
  }
}

const FIELD_NAMES: Record<string, string> = {
  certificateValidityMonths: 'certificate validity',
  passMark: 'pass mark',
}

/** `title.ru` → `title (ru)`. */
function describeField(field: DetailsField) {
  const [name, locale] = field.split('.')
  return locale ? `${name} (${locale})` : (FIELD_NAMES[field] ?? field)
}

/** One line per item: `aeo/02-risk (en, ru): published in the studio as revision 3 on … by …`. */
export function describeOverwrite(item: StudioOverwrite) {
  switch (item.kind) {
    case 'course':
      return `${item.course}: created in the studio, never imported`
    case 'media':
      return `${item.course}/media/${item.media}: uploaded in the studio, not in the package as it is`
    case 'published': {
      const { number, publishedAt, publishedBy } = item.revision
      return `${item.course}/${item.module} (${item.locales.join(', ')}): published in the studio as revision ${number} on ${utc(publishedAt)} by ${publishedBy}`
    }
    case 'draft':
      return `${item.course}/${item.module} (${item.locales.join(', ')}): unpublished draft in the studio`
    case 'structure':
      return `${item.course}/${item.module}: ${item.changes.map(describeChange).join('; ')}`
    case 'details-published':
      return `${item.course}: course details (${item.fields.map(describeField).join(', ')}) published in the studio on ${utc(item.published.at)} by ${item.published.by}`
    case 'details-draft':
      return `${item.course}: unpublished draft of the course details in the studio (${item.fields.map(describeField).join(', ')})`
    case 'quiz-published': {
      const { number, publishedAt, publishedBy } = item.revision
      return `${item.course}/${item.module ?? 'final exam'}: quiz published in the studio as version ${number} on ${utc(publishedAt)} by ${publishedBy}`
    }
    case 'quiz-draft':
      return `${item.course}/${item.module ?? 'final exam'}: unpublished quiz draft in the studio`
  }
}
