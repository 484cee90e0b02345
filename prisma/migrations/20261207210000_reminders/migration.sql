-- Issue 16, ADR 033: reminders to overdue officers and a weekly digest to the coordinators, sent by
-- background jobs; one row per e-mail, keyed by its effect, so a retried job sends it at most once.

-- AlterTable
ALTER TABLE "Administration" ADD COLUMN "weeklyDigest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "administrationId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "courseId" TEXT,
    "dueAt" TIMESTAMP(3),
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_key_key" ON "MailDelivery"("key");

-- CreateIndex
CREATE INDEX "MailDelivery_administrationId_createdAt_idx" ON "MailDelivery"("administrationId", "createdAt");

-- CreateIndex
CREATE INDEX "MailDelivery_recipientId_idx" ON "MailDelivery"("recipientId");

-- CreateIndex
CREATE INDEX "MailDelivery_courseId_idx" ON "MailDelivery"("courseId");

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_administrationId_fkey" FOREIGN KEY ("administrationId") REFERENCES "Administration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
