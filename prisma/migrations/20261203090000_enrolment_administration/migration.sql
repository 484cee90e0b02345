-- Reports at scale (issue 6): a coordinator's summary and chart count the enrolments of one
-- administration's officers. Found through "User" they cost a scan of every enrolment of the platform
-- (about 25 ms at 20 administrations of 2,500 officers, growing with each administration added); with
-- the officer's administration on the enrolment they read that administration's rows from an index.
--
-- The database keeps the copy, so no code path can forget it: an enrolment takes its user's
-- administration when the user is a learner (an officer) and none otherwise (staff trying a course),
-- and a change of a user's administration or role is carried to their enrolments.

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "administrationId" TEXT;

UPDATE "Enrolment" e SET "administrationId" = u."administrationId"
FROM "User" u WHERE u."id" = e."userId" AND u."role" = 'LEARNER' AND u."administrationId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Enrolment_administrationId_courseId_idx" ON "Enrolment"("administrationId", "courseId");

CREATE FUNCTION "enrolment_set_administration"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."administrationId" := (
    SELECT u."administrationId" FROM "User" u WHERE u."id" = NEW."userId" AND u."role" = 'LEARNER');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Enrolment_administration"
BEFORE INSERT OR UPDATE OF "userId", "administrationId" ON "Enrolment"
FOR EACH ROW EXECUTE FUNCTION "enrolment_set_administration"();

CREATE FUNCTION "user_carry_administration_to_enrolments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Enrolment" SET "administrationId" = NULL WHERE "userId" = NEW."id";
  RETURN NULL;
END
$$;

-- The update above fires the enrolment trigger, which reads the user's new administration and role.
CREATE TRIGGER "User_administration"
AFTER UPDATE OF "administrationId", "role" ON "User"
FOR EACH ROW WHEN (OLD."administrationId" IS DISTINCT FROM NEW."administrationId" OR OLD."role" IS DISTINCT FROM NEW."role")
EXECUTE FUNCTION "user_carry_administration_to_enrolments"();
