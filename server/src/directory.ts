/**
 * The directory import: people from CSV or JSON, with departments, managers and the management flag
 * (`kring-server import people.csv`). Existing people are updated; nobody is deleted.
 */
import type { Db } from './store/db.js';

export interface ImportedPerson {
  id: string;
  name: string;
  email?: string;
  title?: string;
  department?: string;
  location?: string;
  managerId?: string;
  isManagement?: boolean;
  isCommunityManager?: boolean;
  isMember?: boolean;
}

/** One CSV line into fields: commas, double-quoted fields with "" for a quote. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

const truthy = (value: unknown) => value === true || /^(1|true|yes|ja)$/i.test(String(value ?? ''));

export function parsePeopleFile(fileName: string, text: string): ImportedPerson[] {
  let records: Record<string, unknown>[];
  if (fileName.toLowerCase().endsWith('.json')) {
    const parsed = JSON.parse(text) as unknown;
    records = (Array.isArray(parsed) ? parsed : ((parsed as { people?: unknown[] }).people ?? [])) as Record<
      string,
      unknown
    >[];
  } else {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const header = csvFields(lines[0] ?? '');
    records = lines.slice(1).map((line) => {
      const values = csvFields(line);
      return Object.fromEntries(header.map((name, position) => [name, values[position] ?? '']));
    });
  }
  return records.map((record, position) => {
    const text = (key: string) =>
      record[key] === undefined || record[key] === '' ? undefined : String(record[key]);
    const id = text('id') ?? text('email');
    const name = text('name');
    if (!id || !name) throw new Error(`Person ${position + 1} needs an id (or email) and a name.`);
    return {
      id,
      name,
      email: text('email'),
      title: text('title'),
      department: text('department'),
      location: text('location'),
      managerId: text('managerId'),
      isManagement: truthy(record.isManagement),
      isCommunityManager: truthy(record.isCommunityManager),
      isMember: record.isMember === undefined ? undefined : truthy(record.isMember),
    };
  });
}

export async function importPeople(db: Db, people: readonly ImportedPerson[]): Promise<number> {
  await db.transaction(async (tx) => {
    for (const person of people) {
      await tx.query(
        `INSERT INTO people (id, email, name, title, department, location, manager_id, is_management, is_community_manager, is_member, joined_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, false), CASE WHEN $10 THEN now() END)
         ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, title = EXCLUDED.title,
           department = EXCLUDED.department, location = EXCLUDED.location, manager_id = EXCLUDED.manager_id,
           is_management = EXCLUDED.is_management, is_community_manager = EXCLUDED.is_community_manager,
           is_member = COALESCE($10, people.is_member), updated_at = now()`,
        [
          person.id,
          person.email ?? null,
          person.name,
          person.title ?? null,
          person.department ?? null,
          person.location ?? null,
          person.managerId ?? null,
          person.isManagement ?? false,
          person.isCommunityManager ?? false,
          person.isMember ?? null,
        ],
      );
    }
  });
  return people.length;
}
