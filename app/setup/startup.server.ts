import path from 'node:path'
import { connectDatabase } from '~/utils/db-connect.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { importShippedCoursesOnFirstStart } from '~/modules/content/course-import.server'
import { backfillFigureSizes } from '~/modules/content/media.server'
import { formatProblem } from '~/modules/content/problems'
import { applyMigrations } from '~/modules/platform/migrate.server'
import { seedDemoTraining } from './demo-training.server'
import { seedDemoCourseEditors, seedDemoData } from './seed.server'

/**
 * Brings the database up to date before the first request: migrations, then on the first run the
 * shipped courses and the demo data.
 */
export async function prepareDatabase({ seedDemo = getEnv().SEED_DEMO }: { seedDemo?: boolean } = {}) {
  const database = await connectDatabase()
  const { applied } = await applyMigrations({ sql: database.sql })
  logger.info({ engine: database.engine, applied }, applied.length ? 'migrations applied' : 'database up to date')
  const figures = await backfillFigureSizes()
  if (figures.sized > 0 || figures.unreadable > 0) logger.info(figures, 'stored figures sized')
  const seeded = seedDemo && (await seedDemoData()).seeded
  if (seeded) logger.info('demo data seeded')
  await importShippedCourses()
  if (seeded) logger.info(await seedDemoCourseEditors(), 'demo instructor made editor of the courses')
  // Training records need the courses: only on the run that created the demo accounts.
  if (seeded) logger.info(await seedDemoTraining(), 'demo training records made')
  return { seeded }
}

async function importShippedCourses() {
  const dir = getEnv().COURSES_DIR
  const result = await importShippedCoursesOnFirstStart({ dirs: dir.split(path.delimiter).filter(Boolean) })
  if (!result) return
  if (result.status === 'invalid') {
    // The app still serves everything else; the log says exactly which file to fix.
    logger.error(
      { dir, problems: result.problems.map(formatProblem) },
      'shipped courses not imported: invalid packages',
    )
    return
  }
  if (result.status === 'refused') {
    logger.error(
      { dir, overwrites: result.overwrites },
      'shipped courses not imported: studio work would be overwritten',
    )
    return
  }
  logger.info({ dir, courses: result.reports.map((report) => report.course) }, 'shipped courses imported')
}
