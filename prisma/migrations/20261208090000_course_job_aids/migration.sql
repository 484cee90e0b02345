-- Issue 17: the course's job aids (one-page sheets printed at the post), as the package gives them.
ALTER TABLE "Course" ADD COLUMN "jobAids" JSONB NOT NULL DEFAULT '[]';
