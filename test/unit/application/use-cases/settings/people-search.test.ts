import {
  namePeople,
  searchPeople,
  type PeopleSearchDeps,
} from '../../../../../src/application/use-cases/settings/people-search';

const people = [
  { accountId: 'acc-mia', displayName: 'Mia Member' },
  { accountId: 'acc-sam', displayName: 'Sam Spaceadmin' },
];

const makeDeps = () => {
  const asked: Array<{ accountId: string; query: string; limit: number }> = [];
  const deps: PeopleSearchDeps = {
    peopleSearch: {
      searchByNameAs: async (accountId, query, limit) => {
        asked.push({ accountId, query, limit });
        return people.filter((p) => p.displayName.toLowerCase().includes(query.toLowerCase()));
      },
    },
    people: { displayNameOf: async (id) => `Name of ${id}` },
  };
  return { deps, asked };
};

describe('people search for the rule editor', () => {
  it('searches by name as the caller, at most 10 people', async () => {
    const { deps, asked } = makeDeps();
    expect(await searchPeople(deps, { accountId: 'me' }, '  mia ')).toEqual([people[0]]);
    expect(asked).toEqual([{ accountId: 'me', query: 'mia', limit: 10 }]);
  });

  it('asks nothing for a query under two characters', async () => {
    const { deps, asked } = makeDeps();
    expect(await searchPeople(deps, { accountId: 'me' }, ' m ')).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('names stored account ids, each once', async () => {
    const { deps } = makeDeps();
    expect(await namePeople(deps, { accountId: 'me' }, ['a', 'b', 'a'])).toEqual([
      { accountId: 'a', displayName: 'Name of a' },
      { accountId: 'b', displayName: 'Name of b' },
    ]);
  });
});
