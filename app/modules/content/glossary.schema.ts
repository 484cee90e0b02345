import { z } from 'zod'
import { localizedText, slug } from './package.schema'

/*
 * A course's glossary (`glossary.yaml` beside `course.yaml`, issue 17): each term in every language with
 * its definition. A module body links the first use of a term with `[text](glossary:<slug>)`, so the
 * author picks the inflected form in the sentence (Russian declines what a pattern match would miss).
 */
export const GLOSSARY_LINK_PROTOCOL = 'glossary:'

const term = z.strictObject({
  slug,
  term: localizedText,
  definition: localizedText,
})

export const glossarySchema = z.strictObject({
  terms: z.array(term).min(1, 'needs at least one term'),
})
export type Glossary = z.output<typeof glossarySchema>
