import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { loadCoursePackage } from '~/modules/content/package-loader.server'
import type { CoursePackage } from '~/modules/content/package.schema'
import { readMediaContent } from './media-content.server'
import type { MediaKind } from './media-file'
import { readPackageArchive } from './package-archive'

// An uploaded archive read and checked as `courses:validate --strict` checks a folder (ADR 027): the
// archive's own safety first (package-archive.ts), every figure by its content as the media page
// checks an upload (ADR 023), then the package validator itself on the files written to a temporary
// folder. Every problem keeps its code and parameters, which the studio translates. The second
// edition's rules for the courses we ship (references, captions, per-module draw) are advice here (ADR 037).

/** Where a problem's code is translated: the archive's, a figure's content, the validator's, the course's. */
export type UploadProblemKind = 'archive' | 'media' | 'package' | 'course'

export interface UploadProblem {
  kind: UploadProblemKind
  /** The file in the package (`modules/01-intro/en.md`), or '' for the archive as a whole. */
  file: string
  /** The field in the file (`questions[3].options`), or ''. */
  path: string
  severity: 'error' | 'warning'
  code: string
  params: Record<string, string | number>
}

export type PackageCheck = { pkg: CoursePackage | null; problems: UploadProblem[] }

const EXTENSIONS: Record<MediaKind, string[]> = { png: ['png'], jpeg: ['jpg', 'jpeg'], webp: ['webp'], svg: ['svg'] }

/**
 * The archive's package, or null with the reasons it cannot be imported. Writes nothing but a temporary
 * folder, removed before it returns.
 */
export async function readUploadedPackage(bytes: Uint8Array): Promise<PackageCheck> {
  const archive = await readPackageArchive(bytes)
  if (!archive.ok) {
    const problems = archive.problems.map(({ code, entry, params }) => error('archive', entry, code, params))
    return { pkg: null, problems }
  }
  const problems: UploadProblem[] = []
  const files = new Map<string, Uint8Array>()
  for (const file of archive.files) {
    if (!file.path.startsWith('media/')) {
      files.set(file.path, file.bytes)
      continue
    }
    const checked = await checkFigure(file.path, file.bytes)
    problems.push(...checked.problems)
    if (checked.bytes) files.set(file.path, checked.bytes)
  }
  if (problems.some((problem) => problem.severity === 'error')) return { pkg: null, problems }
  const validated = await validate(files)
  return { pkg: validated.pkg, problems: [...problems, ...validated.problems] }
}

/**
 * A figure by its content (the media page's check). One the sanitiser passes untouched is kept byte for
 * byte, so a package downloaded and uploaded again is the same; one it had to clean is stored cleaned,
 * and the author is told what was dropped.
 */
async function checkFigure(path: string, bytes: Uint8Array) {
  const content = await readMediaContent(new Uint8Array(bytes))
  if (!content.ok) return { bytes: null, problems: content.problems.map((code) => error('media', path, code)) }
  const extension = path.slice(path.lastIndexOf('.') + 1)
  if (!EXTENSIONS[content.kind].includes(extension))
    return { bytes: null, problems: [error('media', path, `typeMismatch.${content.kind}`)] }
  if (content.dropped.length === 0) return { bytes, problems: [] }
  const dropped = content.dropped.join(', ')
  return {
    bytes: content.bytes,
    problems: [{ ...error('course', path, 'mediaCleaned', { dropped }), severity: 'warning' as const }],
  }
}

async function validate(files: Map<string, Uint8Array>): Promise<PackageCheck> {
  const root = await mkdtemp(join(tmpdir(), 'lms-package-'))
  try {
    for (const [path, bytes] of files) {
      await mkdir(dirname(join(root, path)), { recursive: true })
      await writeFile(join(root, path), bytes)
    }
    const { pkg, problems } = await loadCoursePackage({ dir: root, strict: true, shipped: false })
    return {
      // Read from the temporary folder: the figures' bytes are in memory, the folder goes away.
      pkg,
      problems: problems.map((problem) => ({
        kind: 'package' as const,
        // The loader names files relative to the working directory; the author knows them in the package.
        file: inPackage(root, problem.file),
        path: problem.path,
        severity: problem.severity,
        code: problem.code ?? 'invalid',
        params: Object.fromEntries(
          Object.entries(problem.params ?? {}).map(([key, value]) => [
            key,
            key === 'first' && typeof value === 'string' ? inPackage(root, value) : value,
          ]),
        ),
      })),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** A file the loader named (relative to the working directory) by its path in the package. */
const inPackage = (root: string, file: string) => {
  const path = relative(root, resolve(file))
  return path.startsWith('..') ? file : path
}

function error(
  kind: UploadProblemKind,
  file: string,
  code: string,
  params: UploadProblem['params'] = {},
): UploadProblem {
  return { kind, file, path: '', severity: 'error', code, params }
}
