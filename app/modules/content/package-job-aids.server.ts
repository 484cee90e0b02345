import { join } from 'node:path'
import { LOCALES } from '~/i18n/config'
import { jobAidPages } from '~/modules/job-aids/job-aid-pdf.server'
import type { JobAid } from './job-aid.schema'
import { listDir, readText } from './package-files.server'
import type { PackageReport } from './package-report'

const AID_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/

/**
 * Reads the package's job-aids folder (optional): every entry a `<slug>.yaml` whose slug is its name,
 * offered on modules the course has, and printed on one A4 page in every language it is written in
 * (measured by the renderer itself, so the check and the PDF cannot disagree). `parse` is the loader's
 * YAML-and-schema step; `moduleSlugs` is null while a module.yaml is broken (reported on its own).
 */
export async function loadJobAids(
  report: PackageReport,
  root: string,
  { moduleSlugs, parse }: { moduleSlugs: string[] | null; parse: (file: string, text: string) => JobAid | null },
): Promise<{ aids: JobAid[]; texts: Record<string, string> }> {
  const dir = join(root, 'job-aids')
  const aids: JobAid[] = []
  const texts: Record<string, string> = {}
  for (const entry of (await listDir(dir)) ?? []) {
    const file = join(dir, entry.name)
    const slug = AID_FILE.exec(entry.name)?.[1]
    const text = entry.isFile() && slug ? await readText(file) : null
    if (!slug || text === null) {
      report.error(file, '', 'a job aid is a file job-aids/<slug>.yaml', 'jobAidFileName', { name: entry.name })
      continue
    }
    const aid = parse(file, text)
    if (!aid) continue
    if (aid.slug !== slug) {
      report.error(file, 'slug', `"${aid.slug}" must match the file name ${entry.name}`, 'jobAidFileName', {
        name: entry.name,
      })
      continue
    }
    for (const module of aid.modules)
      if (moduleSlugs && !moduleSlugs.includes(module))
        report.error(file, 'modules', `no module "${module}" in this course`, 'jobAidModuleUnknown', { module })
    for (const locale of LOCALES) {
      const pages = aid.title[locale] === undefined ? 1 : jobAidPages(aid, locale)
      if (pages > 1)
        report.error(file, '', `does not fit on one A4 page in ${locale} (${pages} pages)`, 'jobAidTooLong', {
          locale,
          pages,
        })
    }
    aids.push(aid)
    texts[`job-aids/${entry.name}`] = text
  }
  return { aids, texts }
}
