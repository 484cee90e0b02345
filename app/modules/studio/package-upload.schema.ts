import { z } from '~/utils/zod'
import { MAX_PACKAGE_BYTES } from './limits'

// The package upload page's forms (ADR 027). Error messages are i18n keys of the `studio` namespace.

export const PackageCheckSchema = z.object({
  intent: z.literal('check'),
  // A file input left empty sends a nameless empty file, which Conform reads as missing.
  file: z.file({ error: 'upload.fileMissing' }).max(MAX_PACKAGE_BYTES, { error: 'upload.fileTooLarge' }),
})

const uploadId = z.string().min(1).max(64)

export const PackageConfirmSchema = z.object({
  intent: z.literal('confirm'),
  uploadId,
  mode: z.enum(['new', 'draft']),
})

export const PackageCancelSchema = z.object({ intent: z.literal('cancel'), uploadId })
