import { StudioWorkWouldBeOverwritten, type StudioOverwrite } from '~/modules/studio/errors'
import { getPrisma } from '~/utils/db.server'
import { importCoursePackages, type ImportReport } from './import.server'
import { findCoursePackageDirs, loadCoursePackages } from './package-loader.server'
import type { Problem } from './problems'

export type ImportFromDiskResult =
  | { status: 'invalid'; problems: Problem[] }
  | { status: 'refused'; problems: Problem[]; overwrites: StudioOverwrite[] }
  | { status: 'imported'; problems: Problem[]; reports: ImportReport[] }

/**
 * Loads packages from disk and imports them, or nothing at all when any of them has an error or, unless
 * `force`, would overwrite studio work: an author fixes the package (or decides) and runs it again,
 * and learners never see half a course.
 */
export async function importCoursesFromDisk({
  dirs,
  force = false,
}: {
  dirs: string[]
  force?: boolean
}): Promise<ImportFromDiskResult> {
  const { packages, problems } = await loadCoursePackages({ dirs })
  if (problems.some((problem) => problem.severity === 'error')) return { status: 'invalid', problems }
  try {
    return { status: 'imported', problems, reports: await importCoursePackages({ packages, force }) }
  } catch (error) {
    if (!(error instanceof StudioWorkWouldBeOverwritten)) throw error
    return { status: 'refused', problems, overwrites: error.overwrites }
  }
}

/**
 * The shipped curriculum is imported on the first start only (no course in the database yet): after
 * that the database is the source of truth and re-imports are an explicit `npm run courses:import`.
 * Never with `force`: should a course be created in the studio meanwhile under a shipped slug, its
 * modules' studio work is refused like any other, not overwritten by a start-up.
 */
export async function importShippedCoursesOnFirstStart({ dirs }: { dirs: string[] }) {
  if ((await getPrisma().course.count()) > 0) return null
  const packageDirs = await Promise.all(dirs.map((dir) => findCoursePackageDirs({ dir })))
  return importCoursesFromDisk({ dirs: packageDirs.flat() })
}
