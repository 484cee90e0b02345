-- Module drafts and published revisions for the instructors' studio (issue 14, ADR 019): authors edit
-- a draft per locale under optimistic locking; each publish records an immutable revision.

-- CreateTable
CREATE TABLE "ModuleDraft" (
    "moduleId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "confirmed" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModuleDraft_pkey" PRIMARY KEY ("moduleId","locale"),
    CONSTRAINT "ModuleDraft_version_check" CHECK ("version" >= 1)
);

-- CreateTable
CREATE TABLE "ModuleRevision" (
    "id" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "texts" JSONB NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "ModuleRevision_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ModuleRevision_number_check" CHECK ("number" >= 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "ModuleRevision_moduleId_number_key" ON "ModuleRevision"("moduleId", "number");

-- AddForeignKey
ALTER TABLE "ModuleDraft" ADD CONSTRAINT "ModuleDraft_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleRevision" ADD CONSTRAINT "ModuleRevision_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What learners were shown is history: no code path may rewrite a revision.
CREATE FUNCTION "module_revision_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ModuleRevision rows are immutable';
END
$$;

CREATE TRIGGER "ModuleRevision_immutable"
BEFORE UPDATE ON "ModuleRevision"
FOR EACH ROW EXECUTE FUNCTION "module_revision_immutable"();
