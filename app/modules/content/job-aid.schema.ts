import { z } from '~/utils/zod'
import { localizedText, slug, type LocalizedText } from './package.schema'

/*
 * A job aid (issue 17): a one-page A4 sheet an officer prints and keeps at the post — a check-digit card,
 * a checklist, a log form. `job-aids/<slug>.yaml` in a course package, rendered to a PDF per language by
 * job-aid-pdf.server.ts and offered for download on the modules it names. Its content is a short list
 * of blocks, each kind laid out the same way on every sheet, so an author writes what to do, not a layout.
 */

/** A table cell: words in each language, or a value that reads the same in both (a letter, a number). */
const cell = z.union([z.string().trim().max(60), localizedText])

const heading = localizedText

const block = z.discriminatedUnion('kind', [
  /** Numbered steps, done in order. */
  z.strictObject({ kind: z.literal('steps'), heading, items: z.array(localizedText).min(2).max(12) }),
  /** Points to tick, each with a box. */
  z.strictObject({ kind: z.literal('checklist'), heading, items: z.array(localizedText).min(2).max(16) }),
  /**
   * A table; `blankRows` adds empty ruled rows below the given ones, to be filled in by hand (a log).
   * Up to 14 columns, so a value table such as ISO 6346's letters can lie across the page.
   */
  z.strictObject({
    kind: z.literal('table'),
    heading,
    columns: z.array(cell).min(1).max(14),
    rows: z.array(z.array(cell)).max(20).default([]),
    blankRows: z.number().int().min(0).max(15).default(0),
  }),
  /** A short paragraph: a warning, a worked example, what to do when in doubt. */
  z.strictObject({ kind: z.literal('note'), heading, text: localizedText }),
])
export type JobAidBlock = z.output<typeof block>

export const jobAidSchema = z
  .strictObject({
    slug,
    /** The modules (slugs) that offer the sheet for download; at least one. */
    modules: z.array(slug).min(1),
    title: localizedText,
    /** One sentence under the title: when the sheet is used. */
    purpose: localizedText,
    blocks: z.array(block).min(1).max(8),
    /** The foot of the sheet: the texts it follows, dated (e.g. "ISO 6346:2022, Annex A"). */
    sources: localizedText,
  })
  .superRefine((aid, context) => {
    aid.blocks.forEach((entry, index) => {
      if (entry.kind !== 'table') return
      entry.rows.forEach((row, rowIndex) => {
        if (row.length !== entry.columns.length)
          context.addIssue({
            code: 'custom',
            path: ['blocks', index, 'rows', rowIndex],
            message: `must have ${entry.columns.length} cells, one per column`,
            params: { problem: 'rowCells', columns: entry.columns.length },
          })
      })
    })
  })
export type JobAid = z.output<typeof jobAidSchema>

/** A cell's text in `locale`: a plain value is the same in every language. */
export const cellText = (value: string | LocalizedText, locale: keyof LocalizedText) =>
  typeof value === 'string' ? value : value[locale]

const jobAidLink = z.strictObject({ slug, title: localizedText })

/** The sheets a module offers (the reader's query picks them out of Course.jobAids): slug and title. */
export function moduleJobAids(value: unknown): z.output<typeof jobAidLink>[] {
  const parsed = z.array(jobAidLink).safeParse(value)
  return parsed.success ? parsed.data : []
}

/** A course's stored job aids (Course.jobAids, written by the importer from a checked package). */
export function storedJobAids(value: unknown): JobAid[] {
  const parsed = z.array(jobAidSchema).safeParse(value)
  return parsed.success ? parsed.data : []
}
