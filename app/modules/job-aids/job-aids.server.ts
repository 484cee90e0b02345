import type { Locale } from '~/i18n/config'
import { localizedName } from '~/i18n/localized'
import { storedJobAids } from '~/modules/content/job-aid.schema'
import { getPrisma } from '~/utils/db.server'
import { renderJobAidPdf, type JobAidFrame } from './job-aid-pdf.server'

/**
 * A published course's job aid as a PDF in `locale`, public as the course page and its glossary are:
 * a sheet to print, nothing a learner earns. Null when the course or the sheet does not exist.
 */
export async function jobAidPdf({
  courseSlug,
  aidSlug,
  locale,
  words,
}: {
  courseSlug: string
  aidSlug: string
  locale: Locale
  /** The frame's words in `locale`, translated by the caller. */
  words: Omit<JobAidFrame, 'courseTitle'>
}) {
  const course = await getPrisma().course.findFirst({
    where: { slug: courseSlug, status: 'PUBLISHED' },
    select: { title: true, jobAids: true, updatedAt: true },
  })
  const aid = course && storedJobAids(course.jobAids).find((each) => each.slug === aidSlug)
  if (!course || !aid) return null
  const frame = { ...words, courseTitle: localizedName(course.title, locale) }
  return { slug: aid.slug, pdf: await renderJobAidPdf({ aid, locale, frame, date: course.updatedAt }) }
}
