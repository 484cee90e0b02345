-- Issue 15, ADR 028: when an author's fix of a question's key or points was applied to a finished attempt
-- (regrading), so the learner's review can say so. Null for an attempt never regraded.
ALTER TABLE "QuizAttempt" ADD COLUMN "regradedAt" TIMESTAMP(3);
