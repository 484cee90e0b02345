-- Issue 14, ADR 024: the importer names the module list's studio changes it would overwrite.

-- Where the last import left each module: the next import compares the module list with it.
ALTER TABLE "Module" ADD COLUMN "importedPosition" INTEGER,
ADD COLUMN "importedMinutes" INTEGER,
ADD COLUMN "importedArchived" BOOLEAN;

-- Modules of imported courses start as the last import left them, except those the studio added since
-- (its audit entry is newer than the course's last import): studio moves made before this migration
-- cannot be told apart from an import's and are taken as the import's.
UPDATE "Module" m
SET "importedPosition" = m."position",
    "importedMinutes" = m."minutes",
    "importedArchived" = (m."archivedAt" IS NOT NULL)
FROM "Course" c
WHERE c."id" = m."courseId"
  AND c."packageHash" <> ''
  AND NOT EXISTS (
    SELECT 1 FROM "AuditLog" added
    WHERE added."targetType" = 'Course' AND added."targetId" = c."id"
      AND added."action" = 'studio.module.added' AND added."details"->>'module' = m."slug"
      AND NOT EXISTS (
        SELECT 1 FROM "AuditLog" imported
        WHERE imported."targetType" = 'Course' AND imported."targetId" = c."id"
          AND imported."action" IN ('course.imported', 'course.import_forced') AND imported."at" > added."at"
      )
  );

-- A published course's details change through a draft (ADR 024): learners read the Course row until an
-- editor publishes the draft.
ALTER TABLE "Course" ADD COLUMN "detailsPublishedById" TEXT,
ADD COLUMN "detailsPublishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CourseDraft" (
    "courseId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "certificateValidityMonths" INTEGER,
    "passMark" INTEGER,
    "confirmed" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseDraft_pkey" PRIMARY KEY ("courseId"),
    CONSTRAINT "CourseDraft_version_check" CHECK ("version" >= 1)
);

-- AddForeignKey
ALTER TABLE "CourseDraft" ADD CONSTRAINT "CourseDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
