/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (or LF); a field in double quotes may
 * hold commas, line breaks and `""` for a quote. A leading UTF-8 byte order mark (Excel writes
 * one) is dropped. Each record remembers the line it starts on, so a message can name it.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const BOM = '\uFEFF';

/** Splits `text` into records; blank lines are skipped. Stops at `maxRecords` + 1 records. */
export const parseCsv = (raw: string, maxRecords: number): CsvParse => {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldStarted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { ok: false, line, message: 'a closing quote must end its field (write "" for a quote)' };
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (ch === '"') {
      return { ok: false, line, message: 'a quote inside an unquoted field (put the field in quotes)' };
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      if (records.length > maxRecords) return { ok: true, records };
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted field is never closed' };
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { ok: true, records };
};
