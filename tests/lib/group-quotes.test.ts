import { describe, expect, it } from 'vitest';
import { groupQuotesBySpeaker } from '../../src/lib/group-quotes.ts';
import type { Quote } from '../../src/lib/rally-schema.ts';

const quote = (text: string, speaker: string, role = 'Campaigner'): Quote => ({ text, speaker, role, lang: 'en' });

describe('groupQuotesBySpeaker', () => {
  it('groups consecutive quotes by the same speaker, in order', () => {
    const quotes = [quote('one', 'Peter Tatchell'), quote('two', 'Peter Tatchell'), quote('three', 'Alix Paul')];
    expect(groupQuotesBySpeaker(quotes)).toEqual([
      { speaker: 'Peter Tatchell', role: 'Campaigner', quotes: [quotes[0], quotes[1]] },
      { speaker: 'Alix Paul', role: 'Campaigner', quotes: [quotes[2]] },
    ]);
  });

  it('starts a new group when a speaker comes back after someone else', () => {
    const groups = groupQuotesBySpeaker([quote('1', 'A'), quote('2', 'B'), quote('3', 'A')]);
    expect(groups.map((group) => [group.speaker, group.quotes.map((q) => q.text)])).toEqual([
      ['A', ['1']],
      ['B', ['2']],
      ['A', ['3']],
    ]);
  });

  it('keeps one speaker in two roles apart', () => {
    const groups = groupQuotesBySpeaker([quote('1', 'A', 'Activist'), quote('2', 'A', 'Spokesperson')]);
    expect(groups.map((group) => group.role)).toEqual(['Activist', 'Spokesperson']);
  });

  it('has no groups without quotes', () => {
    expect(groupQuotesBySpeaker([])).toEqual([]);
  });

  it('does not change the quotes it is given', () => {
    const quotes = [quote('1', 'A'), quote('2', 'A')];
    const copy = structuredClone(quotes);
    groupQuotesBySpeaker(quotes);
    expect(quotes).toEqual(copy);
  });
});
