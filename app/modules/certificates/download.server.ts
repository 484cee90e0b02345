import { readLocalizedText } from '~/i18n/localized'
import type { SessionUser } from '~/modules/auth/user'
import { getEnv } from '~/utils/env.server'
import { renderCertificatePdf } from './certificate-pdf.server'
import { findCertificateForDownload } from './certificates.server'
import { formatCode } from './code'

/** The absolute address printed on a certificate and in its QR code (BASE_URL, no language). */
export function verificationUrl(code: string) {
  return new URL(`/verify/${formatCode(code)}`, getEnv().BASE_URL).href
}

/** The PDF of a certificate `viewer` may download, and the file name to save it under; null otherwise. */
export async function certificateDownload({ id, viewer }: { id: string; viewer: SessionUser }) {
  const certificate = await findCertificateForDownload({ id, viewer })
  if (!certificate) return null
  const { code, courseSlug, administrationName, courseTitle, ...facts } = certificate
  const pdf = await renderCertificatePdf({
    certificate: {
      ...facts,
      code: formatCode(code),
      administrationName: bilingual(administrationName),
      courseTitle: bilingual(courseTitle),
    },
    verifyUrl: verificationUrl(code),
  })
  // The course slug says what it is in a downloads folder; the code's first group tells two apart.
  return { pdf, fileName: `certificate-${courseSlug}-${code.slice(0, 4)}.pdf` }
}

function bilingual(names: unknown) {
  const { en, ru } = readLocalizedText(names)
  return { en: en ?? ru ?? '', ru: ru ?? en ?? '' }
}
