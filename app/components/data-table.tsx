import { useId, type ReactNode } from 'react'

interface TableProps {
  /** Column headings; a heading only for screen readers is a visually hidden span. */
  columns: ReactNode[]
}

/**
 * A table that scrolls sideways inside its own box when it is wider than the screen, instead of
 * widening the page (officers read these on 360 px phones). The box takes keyboard focus so it can be
 * scrolled without a mouse, and is a region named by the table's caption, the way Markdown tables are
 * (render-markdown.ts). `captionHidden` when a heading just above already shows the same words.
 */
export function ScrollTable({
  caption,
  captionHidden = false,
  stackOnPhone = false,
  columns,
  children,
  footer,
}: TableProps & {
  caption: string
  captionHidden?: boolean
  /** Below 600 px each row a block, each cell under its column's name (its `data-label`): ADR 035. */
  stackOnPhone?: boolean
  /** The body's rows. */
  children: ReactNode
  /** Rows of totals, in a `<tfoot>`. */
  footer?: ReactNode
}) {
  const captionId = useId()
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={stackOnPhone ? 'table-stack' : undefined}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  )
}

/**
 * A titled list shown as a table: its heading, then the table, or the sentence saying there is
 * nothing yet. The section itself is left unnamed: the table's region already carries the title, and
 * two regions of one name would be announced twice.
 */
export function DataTable<Row>({
  title,
  empty,
  columns,
  rows,
  row,
}: TableProps & {
  title: string
  empty: string
  rows: Row[]
  /** One `<tr>` (with its key) per row. */
  row: (item: Row) => ReactNode
}) {
  return (
    <section>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ScrollTable caption={title} captionHidden columns={columns}>
          {rows.map(row)}
        </ScrollTable>
      )}
    </section>
  )
}
