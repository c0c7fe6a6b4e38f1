import { describe, expect, it } from 'vitest';
import { baseKey, chooseLanguage, formatMessage, matchLanguage } from '../../src/lib/i18n.ts';

describe('matchLanguage and chooseLanguage', () => {
  it.each([
    ['de', 'de'],
    ['DE-at', 'de'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['ru-RU', 'ru'],
    ['sv-SE', 'sv'],
  ])('matches %s to %s', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it.each(['fr', 'zz', '', '__proto__', 'constructor'])('matches nothing for %j', (tag) => {
    expect(matchLanguage(tag)).toBeNull();
  });

  it('prefers ?lang=, then the browser languages in order, then English', () => {
    expect(chooseLanguage('ru', ['de-DE', 'en'])).toBe('ru');
    expect(chooseLanguage('fr', ['fr-FR', 'it-IT', 'de'])).toBe('it');
    expect(chooseLanguage(null, ['es-MX'])).toBe('es');
    expect(chooseLanguage(null, ['fr', 'ja'])).toBe('en');
    expect(chooseLanguage('<script>', [])).toBe('en');
  });
});

describe('formatMessage', () => {
  const russian = {
    'x.count_one': '{count} акция',
    'x.count_few': '{count} акции',
    'x.count_many': '{count} акций',
    'x.count_other': '{count} акции',
    greeting: 'Привет, {name}',
  };
  const english = { 'x.count_one': '{count} rally', 'x.count_other': '{count} rallies', only: 'Only in English' };

  it('picks the plural form by the language’s rules', () => {
    expect(formatMessage(russian, english, 'ru', 'x.count', { count: 1 })).toBe('1 акция');
    expect(formatMessage(russian, english, 'ru', 'x.count', { count: 3 })).toBe('3 акции');
    expect(formatMessage(russian, english, 'ru', 'x.count', { count: 5 })).toBe('5 акций');
    expect(formatMessage(russian, english, 'ru', 'x.count', { count: 21 })).toBe('21 акция');
    expect(formatMessage(english, english, 'en', 'x.count', { count: 1 })).toBe('1 rally');
    expect(formatMessage(english, english, 'en', 'x.count', { count: 8 })).toBe('8 rallies');
  });

  it('formats numbers for the language', () => {
    expect(formatMessage(english, english, 'de', 'x.count', { count: 10000 })).toBe('10.000 rallies');
  });

  it('fills placeholders, leaves unknown ones, and falls back to English, then to the key', () => {
    expect(formatMessage(russian, english, 'ru', 'greeting', { name: 'Alix' })).toBe('Привет, Alix');
    expect(formatMessage(russian, english, 'ru', 'greeting')).toBe('Привет, {name}');
    expect(formatMessage(russian, english, 'ru', 'only')).toBe('Only in English');
    expect(formatMessage(russian, english, 'ru', 'missing.key')).toBe('missing.key');
  });

  it('never reads Object.prototype', () => {
    expect(formatMessage({}, {}, 'en', 'constructor')).toBe('constructor');
    expect(formatMessage({ a: '{toString}' }, {}, 'en', 'a', {})).toBe('{toString}');
  });

  it('strips plural suffixes from keys', () => {
    expect(baseKey('a.b_one')).toBe('a.b');
    expect(baseKey('a.b_many')).toBe('a.b');
    expect(baseKey('a.b')).toBe('a.b');
  });
});
