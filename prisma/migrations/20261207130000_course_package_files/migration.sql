-- Issue 15, ADR 026: the YAML files of the package each course was last imported from, so a download of a
-- course nobody changed since gives back the package's own bytes. Filled by the next import of each package.

-- CreateTable
CREATE TABLE "CoursePackageFile" (
    "courseId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,

    CONSTRAINT "CoursePackageFile_pkey" PRIMARY KEY ("courseId","path")
);

-- AddForeignKey
ALTER TABLE "CoursePackageFile" ADD CONSTRAINT "CoursePackageFile_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
