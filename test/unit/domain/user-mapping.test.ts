import { classifyPerson } from '../../../src/domain/user-mapping';
import type { ExportedPerson } from '../../../src/domain/user-export';

const ann: ExportedPerson = { line: 4, accountId: 'a1', email: 'ann@x.example', name: 'Ann', active: true };
const user = (oid: string, accountEnabled: boolean | null = true) => ({
  oid,
  displayName: `User ${oid}`,
  accountEnabled,
});

describe('classifying a person of the export', () => {
  it('matches one enabled user, and treats an unreadable accountEnabled as enabled', () => {
    expect(classifyPerson(ann, { kind: 'found', users: [user('o1')] })).toMatchObject({
      line: 4,
      outcome: 'matched',
      microsoftName: 'User o1',
    });
    expect(classifyPerson(ann, { kind: 'found', users: [user('o1', null)] }).outcome).toBe('matched');
  });

  it('tells not found, ambiguous, disabled, deactivated in Atlassian and unchecked apart', () => {
    expect(classifyPerson(ann, { kind: 'found', users: [] }).outcome).toBe('not-found');
    expect(classifyPerson(ann, { kind: 'found', users: [user('o1'), user('o2')] })).toMatchObject({
      outcome: 'ambiguous',
      note: expect.stringContaining('2 Microsoft users'),
    });
    expect(classifyPerson(ann, { kind: 'found', users: [user('o1', false)] })).toMatchObject({
      outcome: 'inactive',
      note: 'The Microsoft account is disabled.',
    });
    expect(classifyPerson({ ...ann, active: false }, { kind: 'found', users: [user('o1')] }).outcome).toBe(
      'inactive',
    );
    expect(classifyPerson(ann, { kind: 'unchecked', why: 'slow' })).toMatchObject({
      outcome: 'unchecked',
      note: 'slow',
    });
  });
});
