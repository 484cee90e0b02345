-- The instructors' studio (issue 14, ADR 018): courses created in the studio start as drafts that
-- learners never see, and each course lists the authors who may change it.

-- AlterEnum
ALTER TYPE "CourseStatus" ADD VALUE 'DRAFT' BEFORE 'PUBLISHED';

-- CreateTable
CREATE TABLE "CourseEditor" (
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseEditor_pkey" PRIMARY KEY ("courseId","userId")
);

-- CreateIndex
CREATE INDEX "CourseEditor_userId_idx" ON "CourseEditor"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_at_idx" ON "AuditLog"("targetType", "targetId", "at");

-- AddForeignKey
ALTER TABLE "CourseEditor" ADD CONSTRAINT "CourseEditor_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEditor" ADD CONSTRAINT "CourseEditor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEditor" ADD CONSTRAINT "CourseEditor_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
