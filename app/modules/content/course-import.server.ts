import { getPrisma } from '~/utils/db.server'
import { importCoursePackages, type ImportReport } from './import.server'
import { findCoursePackageDirs, loadCoursePackages } from './package-loader.server'
import type { Problem } from './problems'

export type ImportFromDiskResult =
  { status: 'invalid'; problems: Problem[] } | { status: 'imported'; problems: Problem[]; reports: ImportReport[] }

/**
 * Loads packages from disk and imports them, or nothing at all when any of them has an error: an
 * author fixes the package and runs it again, and learners never see half a course.
 */
export async function importCoursesFromDisk({ dirs }: { dirs: string[] }): Promise<ImportFromDiskResult> {
  const { packages, problems } = await loadCoursePackages({ dirs })
  if (problems.some((problem) => problem.severity === 'error')) return { status: 'invalid', problems }
  return { status: 'imported', problems, reports: await importCoursePackages({ packages }) }
}

/**
 * The shipped curriculum is imported on the first start only (no course in the database yet): after
 * that the database is the source of truth and re-imports are an explicit `npm run courses:import`.
 */
export async function importShippedCoursesOnFirstStart({ dirs }: { dirs: string[] }) {
  if ((await getPrisma().course.count()) > 0) return null
  const packageDirs = await Promise.all(dirs.map((dir) => findCoursePackageDirs({ dir })))
  return importCoursesFromDisk({ dirs: packageDirs.flat() })
}
