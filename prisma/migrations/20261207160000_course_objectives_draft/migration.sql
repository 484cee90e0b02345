-- ADR 024: a course's learning objectives become a detail edited through its draft, like the title and
-- summary: per language a list ({"en": ["…"], "ru": ["…"]}), with a translation status.

-- AlterTable: an existing draft starts from the objectives learners read now.
ALTER TABLE "CourseDraft" ADD COLUMN "objectives" JSONB;
UPDATE "CourseDraft" d SET "objectives" = c."objectives" FROM "Course" c WHERE c."id" = d."courseId";
ALTER TABLE "CourseDraft" ALTER COLUMN "objectives" SET NOT NULL;

-- Published objectives arriving in a draft are confirmed as a whole (ADR 024), as the studio's first save
-- would: each language with objectives is confirmed against every other's, the text being the list one
-- objective a line (app/modules/studio/course-details.ts, `detailsText`) and its SHA-256 in hex.
WITH texts AS (
    SELECT d."courseId", e.key AS locale,
        (SELECT string_agg(t.item, E'\n' ORDER BY t.n)
         FROM jsonb_array_elements_text(e.value) WITH ORDINALITY AS t(item, n)) AS text
    FROM "CourseDraft" d, jsonb_each(d."objectives") e
    WHERE jsonb_typeof(e.value) = 'array' AND jsonb_array_length(e.value) > 0
),
confirmations AS (
    SELECT own."courseId", own.locale,
        jsonb_object_agg(other.locale, jsonb_build_object(
            'hash', encode(sha256(convert_to(other.text, 'UTF8')), 'hex'),
            'text', other.text)) AS objectives
    FROM texts own
    JOIN texts other ON other."courseId" = own."courseId" AND other.locale <> own.locale
    GROUP BY own."courseId", own.locale
)
UPDATE "CourseDraft" d
SET "confirmed" = d."confirmed" || (
    SELECT jsonb_object_agg(c.locale, COALESCE(d."confirmed" -> c.locale, '{}'::jsonb) || jsonb_build_object('objectives', c.objectives))
    FROM confirmations c WHERE c."courseId" = d."courseId")
WHERE EXISTS (SELECT 1 FROM confirmations c WHERE c."courseId" = d."courseId");
