-- Issue 15, ADR 027: a package archive uploaded in the studio waits here, checked, until its uploader
-- confirms the import or cancels; it expires after an hour, and a user keeps at most one.

-- CreateTable
CREATE TABLE "PackageUpload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PackageUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PackageUpload_userId_idx" ON "PackageUpload"("userId");

-- CreateIndex
CREATE INDEX "PackageUpload_expiresAt_idx" ON "PackageUpload"("expiresAt");

-- AddForeignKey
ALTER TABLE "PackageUpload" ADD CONSTRAINT "PackageUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
