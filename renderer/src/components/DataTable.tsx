import type { ReactNode } from 'react';
import './data-table.css';

/** A table of records: one header row naming the columns, then the rows (one `<tr>` per record). */
export function DataTable({ columns, className, children }: { columns: readonly string[]; className?: string; children: ReactNode }) {
  return (
    <table className={className ? `data-table ${className}` : 'data-table'}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
