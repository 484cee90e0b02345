-- Course media uploaded in the studio (issue 14, ADR 023): the alt text and caption an author gives each
-- file, per locale, for the Markdown snippet the studio offers; its size, so the list reads no bytes;
-- and who uploaded it (null: the file came with a course package, whose alt texts live in the bodies).

-- AlterTable
ALTER TABLE "CourseMedia" ADD COLUMN "alt" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "caption" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "size" INTEGER,
ADD COLUMN "uploadedById" TEXT;

UPDATE "CourseMedia" SET "size" = octet_length("bytes");

-- No default: every writer states the size of what it stores.
ALTER TABLE "CourseMedia" ALTER COLUMN "size" SET NOT NULL,
ADD CONSTRAINT "CourseMedia_size_check" CHECK ("size" = octet_length("bytes"));
