-- Certificates (one per course completion, never deleted), renewal of an expired one, and rate-limit counters.

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "renewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "administrationId" TEXT,
    "learnerName" TEXT NOT NULL,
    "administrationName" JSONB,
    "courseSlug" TEXT NOT NULL,
    "courseTitle" JSONB NOT NULL,
    "courseVersion" INTEGER NOT NULL,
    "finalScore" DOUBLE PRECISION,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "revokedById" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id"),
    -- 28 characters of Crockford's base32 alphabet (no I, L, O, U).
    CONSTRAINT "Certificate_code_check" CHECK ("code" ~ '^[0-9A-HJKMNP-TV-Z]{28}$'),
    -- A revocation always says why.
    CONSTRAINT "Certificate_revocation_check" CHECK (("revokedAt" IS NULL) = ("revokedReason" IS NULL))
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_userId_courseId_completedAt_key" ON "Certificate"("userId", "courseId", "completedAt");

-- CreateIndex
CREATE INDEX "Certificate_administrationId_idx" ON "Certificate"("administrationId");

-- CreateIndex
CREATE INDEX "Certificate_courseId_idx" ON "Certificate"("courseId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
