-- Generated container check-digit questions (ISO 6346), and the final score kept on a completed enrolment.

-- AlterTable
ALTER TABLE "Question" DROP CONSTRAINT "Question_type_check";
ALTER TABLE "Question" ADD CONSTRAINT "Question_type_check"
    CHECK ("type" IN ('single', 'multiple', 'true-false', 'matching', 'ordering', 'numeric', 'container-check-digit'));

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "finalScore" DOUBLE PRECISION;
