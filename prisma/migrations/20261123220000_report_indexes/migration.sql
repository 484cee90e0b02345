-- Reports at scale (issue 6, measured with `npm run seed:load` and `npm run bench -- --only matrix`): an
-- administration's officers in name order straight from the index, so the first page of the officer
-- list and of the completion matrix reads 50 rows instead of sorting every officer. It starts with
-- "administrationId", so it replaces the index on that column alone.

-- DropIndex
DROP INDEX "User_administrationId_idx";

-- CreateIndex
CREATE INDEX "User_administrationId_role_displayName_id_idx" ON "User"("administrationId", "role", "displayName", "id");
