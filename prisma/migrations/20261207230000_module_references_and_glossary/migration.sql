-- Issue 17: the texts a module teaches, and the course's glossary, both as the package gives them.
ALTER TABLE "Module" ADD COLUMN "references" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Course" ADD COLUMN "glossary" JSONB NOT NULL DEFAULT '[]';
