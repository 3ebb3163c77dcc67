/** `kring-server import people.csv|json`: departments, managers, the management flag; re-import updates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importPeople, parsePeopleFile } from '../src/directory.js';
import { dbLabel, freshDb } from './helpers.js';

describe(`directory import (${dbLabel})`, () => {
  it('imports CSV with quoted fields and updates on a second import', async () => {
    const db = await freshDb();
    try {
      const csv = [
        'id,name,email,title,department,managerId,isManagement,isMember',
        'u1,"Jansen, Anna",anna@example.org,Director,Board,,true,true',
        'u2,Bram de Vries,bram@example.org,"Engineer ""backend""",ICT,u1,false,false',
      ].join('\n');
      assert.equal(await importPeople(db, parsePeopleFile('people.csv', csv)), 2);
      const rows = await db.query<{
        id: string;
        name: string;
        title: string;
        manager_id: string | null;
        is_management: boolean;
        is_member: boolean;
      }>('SELECT id, name, title, manager_id, is_management, is_member FROM people ORDER BY id');
      assert.deepEqual(
        rows.map((row) => [row.id, row.name, row.manager_id, row.is_management, row.is_member]),
        [
          ['u1', 'Jansen, Anna', null, true, true],
          ['u2', 'Bram de Vries', 'u1', false, false],
        ],
      );
      assert.equal(rows[1].title, 'Engineer "backend"');
      await importPeople(
        db,
        parsePeopleFile(
          'people.json',
          JSON.stringify([{ id: 'u2', name: 'Bram de Vries', department: 'Data' }]),
        ),
      );
      const [bram] = await db.query<{ department: string; is_member: boolean }>(
        "SELECT department, is_member FROM people WHERE id = 'u2'",
      );
      assert.equal(bram.department, 'Data');
      assert.equal(bram.is_member, false, 'a re-import without isMember keeps membership');
    } finally {
      await db.close();
    }
  });

  it('refuses a person without a name', () => {
    assert.throws(() => parsePeopleFile('people.json', JSON.stringify([{ id: 'u3' }])), /needs an id/);
  });
});
