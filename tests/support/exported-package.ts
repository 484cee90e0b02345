// A course downloaded as a package (ADR 026), read back as the validator reads a folder: the helpers the
// studio's export tests share.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportCoursePackage } from '~/modules/content/package-export.server'
import { loadCoursePackage } from '~/modules/content/package-loader.server'

const scratch: string[] = []

/** Removes the folders the packages were written to; call in afterAll. */
export const removeWrittenPackages = () =>
  Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))

export async function exported(courseSlug: string): Promise<Map<string, Uint8Array>> {
  const result = await exportCoursePackage({ courseSlug })
  if (!result) throw new Error(`no course ${courseSlug}`)
  return result.files
}

/**
 * The package written out as a folder and read by the loader: `strict` as `courses:validate --strict`
 * judges the shipped courses, otherwise as an instructor's upload is judged (ADR 037: references,
 * captions and a per-module exam draw are then advice, not errors).
 */
async function validatePackage(files: Map<string, Uint8Array>, { strict }: { strict: boolean }) {
  const dir = await mkdtemp(path.join(tmpdir(), 'package-export-'))
  scratch.push(dir)
  for (const [file, bytes] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await writeFile(path.join(dir, file), bytes)
  }
  return loadCoursePackage({ dir, strict })
}

/** A course made in the studio has no references: the studio does not edit them (ADR 037). */
export const asAuthorsPackage = (files: Map<string, Uint8Array>) => validatePackage(files, { strict: false })
export const asShippedCourse = (files: Map<string, Uint8Array>) => validatePackage(files, { strict: true })

export const text = (files: Map<string, Uint8Array>, file: string) =>
  Buffer.from(files.get(file) ?? []).toString('utf8')
export const errors = (result: Awaited<ReturnType<typeof validatePackage>>) =>
  result.problems.filter((problem) => problem.severity === 'error')
