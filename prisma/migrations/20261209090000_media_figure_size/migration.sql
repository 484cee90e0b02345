-- Each figure's width and height, read from its header when it is stored, so the module editor, the
-- preview and the revision pages no longer read every file's bytes to size the figures (ADR 035).
-- Rows stored before this migration are sized by the application at startup (backfillFigureSizes).
ALTER TABLE "CourseMedia" ADD COLUMN "width" INTEGER, ADD COLUMN "height" INTEGER;

ALTER TABLE "CourseMedia"
ADD CONSTRAINT "CourseMedia_figure_size_check"
CHECK (("width" IS NULL AND "height" IS NULL) OR ("width" > 0 AND "height" > 0));
