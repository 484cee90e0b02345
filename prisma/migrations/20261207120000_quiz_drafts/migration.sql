-- Issue 15, ADR 025: quizzes and final exams edited in the studio, and the per-module draw of final exams.

ALTER TABLE "Quiz" ADD COLUMN "questionsPerModule" INTEGER,
ADD CONSTRAINT "Quiz_questionsPerModule_check" CHECK ("questionsPerModule" IS NULL OR "questionsPerModule" >= 1);

-- CreateTable
CREATE TABLE "QuizDraft" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT,
    "settings" JSONB NOT NULL,
    "questions" JSONB NOT NULL,
    "confirmed" JSONB NOT NULL,
    "versions" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuizDraft_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "QuizDraft_version_check" CHECK ("version" >= 1)
);

CREATE UNIQUE INDEX "QuizDraft_moduleId_key" ON "QuizDraft"("moduleId");
-- One final exam draft per course: the rows without a module.
CREATE UNIQUE INDEX "QuizDraft_exam_key" ON "QuizDraft"("courseId") WHERE "moduleId" IS NULL;

ALTER TABLE "QuizDraft" ADD CONSTRAINT "QuizDraft_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "QuizDraft" ADD CONSTRAINT "QuizDraft_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "QuizRevision" (
    "id" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "QuizRevision_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "QuizRevision_quizId_number_key" ON "QuizRevision"("quizId", "number");
ALTER TABLE "QuizRevision" ADD CONSTRAINT "QuizRevision_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What learners were given is history: no code path may rewrite a quiz revision.
CREATE FUNCTION "quiz_revision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'QuizRevision rows are immutable';
END
$$;

CREATE TRIGGER "QuizRevision_immutable"
BEFORE UPDATE ON "QuizRevision"
FOR EACH ROW EXECUTE FUNCTION "quiz_revision_immutable"();
