-- Reports at scale (issue 6): the completion matrix sorted or filtered by one course's progress
-- counted every officer's current modules and progress rows (about 8,500 look-ups for 2,500
-- officers, 70 ms a page). Each enrolment now carries how many of its course's current modules the
-- officer has opened and completed, so such a page reads enrolments only.
--
-- The database keeps the counts, so no code path can forget them. They are recounted, never
-- incremented, for the enrolments a change can touch:
--   - an enrolment made: from the progress its officer already has (opened before enrolling);
--   - a progress row inserted or deleted, or its completion changed: that officer's enrolment in the
--     module's course (of every course when the module itself is being deleted with its progress);
--   - a module archived, restored or moved: the enrolments of the officers with progress in it.

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "modulesOpened" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "modulesCompleted" INTEGER NOT NULL DEFAULT 0;

-- The one count: of a course's current modules, how many the user has opened and completed.
CREATE FUNCTION "enrolment_module_counts"(user_id TEXT, course_id TEXT, OUT opened INTEGER, OUT completed INTEGER)
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int, count(p."completedAt")::int
  FROM "Module" m JOIN "ModuleProgress" p ON p."moduleId" = m."id" AND p."userId" = user_id
  WHERE m."courseId" = course_id AND m."archivedAt" IS NULL
$$;

-- Recounts the enrolments of these users: in one course, or in all of theirs when course_id is null.
CREATE FUNCTION "enrolment_recount_modules"(user_ids TEXT[], course_id TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE "Enrolment" e SET ("modulesOpened", "modulesCompleted") =
    (SELECT c.opened, c.completed FROM "enrolment_module_counts"(e."userId", e."courseId") c)
  WHERE e."userId" = ANY(user_ids) AND (course_id IS NULL OR e."courseId" = course_id)
$$;

UPDATE "Enrolment" e SET ("modulesOpened", "modulesCompleted") =
  (SELECT c.opened, c.completed FROM "enrolment_module_counts"(e."userId", e."courseId") c);

CREATE FUNCTION "enrolment_count_modules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.opened, c.completed INTO NEW."modulesOpened", NEW."modulesCompleted"
  FROM "enrolment_module_counts"(NEW."userId", NEW."courseId") c;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Enrolment_module_counts"
BEFORE INSERT OR UPDATE OF "userId", "courseId" ON "Enrolment"
FOR EACH ROW EXECUTE FUNCTION "enrolment_count_modules"();

CREATE FUNCTION "module_progress_recount_enrolment"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed "ModuleProgress";
  course_id TEXT;
BEGIN
  FOREACH changed IN ARRAY (CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[NEW]
      WHEN 'DELETE' THEN ARRAY[OLD]
      ELSE ARRAY[OLD, NEW] END) LOOP
    SELECT m."courseId" INTO course_id FROM "Module" m WHERE m."id" = changed."moduleId";
    -- No module: it is being deleted, and its progress with it; its course is no longer known.
    PERFORM "enrolment_recount_modules"(ARRAY[changed."userId"], course_id);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ModuleProgress_recount_enrolment"
AFTER INSERT OR DELETE ON "ModuleProgress"
FOR EACH ROW EXECUTE FUNCTION "module_progress_recount_enrolment"();

-- Opening a module again only moves "lastOpenedAt": no recount.
CREATE TRIGGER "ModuleProgress_recount_enrolment_on_change"
AFTER UPDATE OF "completedAt", "userId", "moduleId" ON "ModuleProgress"
FOR EACH ROW WHEN (OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
  OR OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."moduleId" IS DISTINCT FROM NEW."moduleId")
EXECUTE FUNCTION "module_progress_recount_enrolment"();

CREATE FUNCTION "module_recount_enrolments"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "enrolment_recount_modules"(
    ARRAY(SELECT p."userId" FROM "ModuleProgress" p WHERE p."moduleId" = NEW."id"),
    CASE WHEN OLD."courseId" = NEW."courseId" THEN NEW."courseId" END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Module_recount_enrolments"
AFTER UPDATE OF "archivedAt", "courseId" ON "Module"
FOR EACH ROW WHEN (OLD."archivedAt" IS DISTINCT FROM NEW."archivedAt" OR OLD."courseId" IS DISTINCT FROM NEW."courseId")
EXECUTE FUNCTION "module_recount_enrolments"();
