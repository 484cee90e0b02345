/*
 * What can be wrong with one line of an officer import, and which column each problem is about.
 * Its own module because the report on the page (client code) needs it, and officer-import.ts
 * brings in the CSV parser, whose browser build touches Node's Buffer when it loads.
 */
import type { ImportColumn } from './officer-import-columns'

export type ImportProblem =
  | 'import.emailInvalid'
  | 'import.emailTaken'
  | 'import.emailDuplicate'
  | 'import.nameMissing'
  | 'import.nameTooLong'
  | 'import.latinNameInvalid'
  | 'import.unitUnknown'
  | 'import.unitMissing'
  | 'import.languageInvalid'

/** The column each problem is about: the report shows that column's cell beside it. */
export const PROBLEM_COLUMN: Record<ImportProblem, ImportColumn> = {
  'import.emailInvalid': 'email',
  'import.emailTaken': 'email',
  'import.emailDuplicate': 'email',
  'import.nameMissing': 'name',
  'import.nameTooLong': 'name',
  'import.latinNameInvalid': 'latinName',
  'import.unitUnknown': 'unit',
  'import.unitMissing': 'unit',
  'import.languageInvalid': 'language',
}
