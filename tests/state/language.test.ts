import { beforeEach, describe, expect, it } from 'vitest';
import englishCatalogue from '../../src/i18n/messages/en.json';
import germanCatalogue from '../../src/i18n/messages/de.json';
import russianCatalogue from '../../src/i18n/messages/ru.json';
import { loadLanguage } from '../../src/state/language.ts';
import { initialRallyState, rallyStore } from '../../src/state/rally-store.ts';

const state = () => rallyStore.getState();

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

describe('loadLanguage', () => {
  it('loads a language’s catalogue and switches the interface to it, both together', async () => {
    await loadLanguage('de');
    expect(state().language).toBe('de');
    expect(state().catalogue).toEqual(germanCatalogue);
  });

  it('switches back to English, which is built in', async () => {
    await loadLanguage('ru');
    await loadLanguage('en');
    expect(state().language).toBe('en');
    expect(state().catalogue).toEqual(englishCatalogue);
  });

  it('applies only the newest choice when an earlier one arrives later', async () => {
    const german = loadLanguage('de');
    const russian = loadLanguage('ru');
    await Promise.all([russian, german]);
    expect(state().language).toBe('ru');
    expect(state().catalogue).toEqual(russianCatalogue);
  });

  it('lets English, chosen while another language loads, win', async () => {
    const german = loadLanguage('de');
    await loadLanguage('en');
    await german;
    expect(state().language).toBe('en');
  });
});
