import { questionSchema, type Question } from '~/modules/content/package.schema'

/** A Question row as the package format's question: what a new attempt freezes, and what regrading compares with. */
export function publishedQuestion(row: { slug: string; type: string; points: number; definition: unknown }): Question {
  return questionSchema.parse({ ...(row.definition as object), slug: row.slug, type: row.type, points: row.points })
}
