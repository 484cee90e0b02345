// The migrations are hand-written SQL (Prisma's migrate engine cannot run here), so this test is what
// keeps them honest: the migrated database must have exactly the shape schema.prisma describes.
import { readFileSync } from 'node:fs'
import { get_dmmf } from '@prisma/prisma-schema-wasm'
import { describe, expect, it } from 'vitest'
import { getDatabase } from '~/utils/db.server'

interface DmmfField {
  name: string
  kind: 'scalar' | 'enum' | 'object'
  type: string
  isRequired: boolean
  isList: boolean
  hasDefaultValue: boolean
  default?: unknown
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: string
}
interface DmmfModel {
  name: string
  dbName: string | null
  fields: DmmfField[]
}
interface DmmfIndex {
  model: string
  type: 'id' | 'unique' | 'normal' | 'fulltext'
  fields: { name: string }[]
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] }
}

const dmmf: Dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })))
const models = dmmf.datamodel.models
const sql = () => getDatabase().sql

const POSTGRES_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
  Decimal: 'numeric',
}

/** Prisma fills these in the client (cuid(), uuid(), @updatedAt), so the column has no default. */
function hasDatabaseDefault(field: DmmfField) {
  if (!field.hasDefaultValue) return false
  const fn =
    typeof field.default === 'object' && field.default !== null && 'name' in field.default ? field.default.name : null
  return fn === null || fn === 'now' || fn === 'autoincrement' || fn === 'dbgenerated'
}

async function indexColumns(table: string) {
  const rows = await sql().query<{ columns: string[]; is_unique: boolean; is_primary: boolean }>(
    `SELECT array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns, ix.indisunique AS is_unique, ix.indisprimary AS is_primary
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname = $1
        -- A partial index (e.g. one final exam draft per course) is the database's own rule: Prisma cannot state it.
        AND ix.indpred IS NULL
      GROUP BY ix.indexrelid, ix.indisunique, ix.indisprimary`,
    [table],
  )
  const describe = (row: { columns: string[]; is_unique: boolean; is_primary: boolean }) =>
    `${row.is_primary ? 'id' : row.is_unique ? 'unique' : 'normal'}(${row.columns.join(',')})`
  return rows.map(describe).sort()
}

describe('the migrated database matches schema.prisma', () => {
  it('has exactly the tables of the models, plus the migration bookkeeping', async () => {
    const rows = await sql().query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
    const expected = [...models.map((model) => model.dbName ?? model.name), '_prisma_migrations'].sort()
    expect(rows.map((row) => row.table_name).sort()).toEqual(expected)
  })

  it('has the enums with their values in order', async () => {
    for (const enumeration of dmmf.datamodel.enums) {
      const rows = await sql().query<{ label: string }>(
        `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        [enumeration.name],
      )
      expect(rows.map((row) => row.label)).toEqual(enumeration.values.map((value) => value.name))
    }
  })

  it.each(models.map((model) => [model.name, model] as const))(
    '%s: columns, types, nullability, defaults',
    async (_name, model) => {
      const table = model.dbName ?? model.name
      const rows = await sql().query<{
        column_name: string
        data_type: string
        udt_name: string
        is_nullable: string
        column_default: string | null
      }>(
        `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [table],
      )
      const actual = rows.map((row) => ({
        name: row.column_name,
        type: row.data_type === 'USER-DEFINED' ? row.udt_name : row.data_type,
        nullable: row.is_nullable === 'YES',
        hasDefault: row.column_default !== null,
      }))
      const expected = model.fields
        .filter((field) => field.kind !== 'object')
        .map((field) => ({
          name: field.name,
          type: field.kind === 'enum' ? field.type : POSTGRES_TYPES[field.type],
          nullable: !field.isRequired,
          hasDefault: hasDatabaseDefault(field),
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
      expect(actual).toEqual(expected)
    },
  )

  it.each(models.map((model) => [model.name, model] as const))(
    '%s: primary key, unique and plain indexes',
    async (_name, model) => {
      const expected = dmmf.datamodel.indexes
        .filter((index) => index.model === model.name)
        .map((index) => `${index.type}(${index.fields.map((field) => field.name).join(',')})`)
        .sort()
      expect(await indexColumns(model.dbName ?? model.name)).toEqual(expected)
    },
  )

  it.each(models.map((model) => [model.name, model] as const))(
    '%s: foreign keys and their delete rules',
    async (_name, model) => {
      const rows = await sql().query<{
        columns: string[]
        target: string
        target_columns: string[]
        delete_rule: string
      }>(
        `SELECT array_agg(kcu.column_name::text ORDER BY kcu.ordinal_position)::text[] AS columns,
              max(ccu.table_name) AS target,
              array_agg(DISTINCT ccu.column_name::text)::text[] AS target_columns,
              max(rc.delete_rule) AS delete_rule
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
         JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND tc.table_name = $1
        GROUP BY tc.constraint_name`,
        [model.dbName ?? model.name],
      )
      const onDelete = (field: DmmfField) => {
        const rule = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')
        return {
          Cascade: 'CASCADE',
          SetNull: 'SET NULL',
          Restrict: 'RESTRICT',
          NoAction: 'NO ACTION',
          SetDefault: 'SET DEFAULT',
        }[rule]
      }
      const expected = model.fields
        .filter((field) => field.kind === 'object' && field.relationFromFields?.length)
        .map((field) => ({
          columns: field.relationFromFields,
          target: models.find((other) => other.name === field.type)?.dbName ?? field.type,
          target_columns: field.relationToFields,
          delete_rule: onDelete(field),
        }))
      const byColumns = (a: { columns?: string[] }, b: { columns?: string[] }) =>
        String(a.columns).localeCompare(String(b.columns))
      expect(rows.sort(byColumns)).toEqual(expected.sort(byColumns))
    },
  )
})
