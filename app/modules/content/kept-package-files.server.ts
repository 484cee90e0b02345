import type { Prisma } from '~/generated/prisma/client'
import { sha256 } from './package-hash'
import type { PackageSourceFile } from './package.schema'

/**
 * Makes the course's kept package files (ADR 026) those of the package just imported: a download gives
 * them back while they say what the database says. A package built in code has none, and leaves none.
 * Only files that differ are written, so importing the same package again writes nothing here either.
 */
export async function keepPackageFiles(
  tx: Prisma.TransactionClient,
  { courseId, files }: { courseId: string; files: PackageSourceFile[] },
) {
  const stored = await tx.coursePackageFile.findMany({ where: { courseId }, select: { path: true, sha256: true } })
  const storedSha = new Map(stored.map((file) => [file.path, file.sha256]))
  for (const { path, text } of files) {
    const hash = sha256(text)
    if (storedSha.get(path) === hash) continue
    await tx.coursePackageFile.upsert({
      where: { courseId_path: { courseId, path } },
      create: { courseId, path, text, sha256: hash },
      update: { text, sha256: hash },
    })
  }
  const paths = files.map((file) => file.path)
  if (stored.some((file) => !paths.includes(file.path)))
    await tx.coursePackageFile.deleteMany({ where: { courseId, path: { notIn: paths } } })
}
