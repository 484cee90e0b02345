import { z } from '~/utils/zod'
import { perLocale } from './course.schema'

// The studio's media page (ADR 023). Error messages are i18n keys of the `studio` namespace. Plain
// constants: the server's body limits (server/request-limits.ts) read MAX_MEDIA_BYTES outside the build.

/**
 * The largest file an author may upload. The shipped figures are 5–12 KB of SVG; a screenshot saved
 * as PNG or a photo as JPEG or WebP at the reader's width (about 1,600 px) fits in well under 1 MB,
 * and learners open modules on phones over poor connections.
 */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024
export const ALT_MAX = 1000
export const CAPTION_MAX = 300

/** One line: Markdown alt text and titles cannot hold a blank line, and a line break reads as a space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()
// Checked with refine after the transform, not a second z.string(): Conform would read the collapsed
// text of that one again, and take a space-only text for a missing one with Zod's own English message.
const altText = z
  .string({ error: 'media.altRequired' })
  .transform(oneLine)
  .refine((text) => text !== '', { error: 'media.altRequired' })
  .refine((text) => text.length <= ALT_MAX, { error: 'media.altTooLong' })
const captionText = z
  .string()
  .transform(oneLine)
  .refine((text) => text.length <= CAPTION_MAX, { error: 'media.captionTooLong' })

export const MediaUploadSchema = z.object({
  intent: z.literal('upload'),
  // A file input left empty sends a nameless empty file, which Conform reads as missing.
  file: z.file({ error: 'media.fileMissing' }).max(MAX_MEDIA_BYTES, { error: 'media.fileTooLarge' }),
  name: z.string().max(120, { error: 'media.nameTooLong' }).optional(),
  alt: perLocale(altText),
  caption: perLocale(captionText.optional()),
})
export type MediaUpload = z.infer<typeof MediaUploadSchema>

export const MediaDeleteSchema = z.object({
  intent: z.literal('delete'),
  name: z.string().min(1).max(200),
})
