import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rawRowsOf,
  ROW_FIELDS,
  type ColumnMapping,
  type CsvTable,
  type RowField,
  type RowProblem,
} from '../../shared/regional';

const PREVIEW_ROWS = 5;

function MappingSelect({
  field,
  table,
  mapping,
  onChange,
}: {
  field: RowField;
  table: CsvTable;
  mapping: ColumnMapping;
  onChange: (field: RowField, column: number | null) => void;
}) {
  const { t } = useTranslation('regional');
  const id = useId();
  const value = mapping[field];
  return (
    <div className="field">
      <label htmlFor={id}>{t(`field.${field}`)}</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(field, e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('mapping.notInFile')}</option>
        {table.headers.map((header, index) => (
          <option key={index} value={index}>
            {header || t('mapping.column', { n: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Column → field, guessed from the header and changeable, with the first rows as they will be read. */
export function ColumnMappingPreview({
  table,
  mapping,
  onChange,
}: {
  table: CsvTable;
  mapping: ColumnMapping;
  onChange: (field: RowField, column: number | null) => void;
}) {
  const { t } = useTranslation('regional');
  const preview = rawRowsOf({ headers: table.headers, rows: table.rows.slice(0, PREVIEW_ROWS) }, mapping);
  return (
    <fieldset className="group stack">
      <legend>{t('mapping.title')}</legend>
      <div className="regional-mapping">
        {ROW_FIELDS.map((field) => (
          <MappingSelect key={field} field={field} table={table} mapping={mapping} onChange={onChange} />
        ))}
      </div>
      <div className="table-scroll">
        <table aria-label={t('mapping.preview')}>
          <thead>
            <tr>
              <th scope="col">{t('problems.row')}</th>
              {ROW_FIELDS.map((field) => (
                <th key={field} scope="col">
                  {t(`field.${field}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map(({ raw, row }) => (
              <tr key={row}>
                <td>{row}</td>
                {ROW_FIELDS.map((field) => (
                  <td key={field} dir="auto">
                    {raw[field] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

/** Every row that will not be imported, with why: the file can be fixed and imported again. */
export function RowProblems({ problems }: { problems: readonly RowProblem[] }) {
  const { t } = useTranslation('regional');
  return (
    <div className="table-scroll">
      <table aria-label={t('problems.title')}>
        <caption>{t('problems.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('problems.row')}</th>
            <th scope="col">{t('problems.field')}</th>
            <th scope="col">{t('problems.problem')}</th>
            <th scope="col">{t('problems.value')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, 500).map((p, index) => (
            <tr key={index}>
              <td>{p.row}</td>
              <td>{t(`field.${p.field}`)}</td>
              <td>{t(`problem.${p.problem}`)}</td>
              <td dir="auto">{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 500 && <p className="hint">{t('problems.more', { n: problems.length - 500 })}</p>}
    </div>
  );
}
