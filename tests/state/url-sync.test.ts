import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import {
  closeCity,
  finishLoading,
  initialRallyState,
  rallyStore,
  selectCity,
  setLanguage,
} from '../../src/state/rally-store.ts';
import { pageQuery, siteRoot, startUrlSync, switchLanguage } from '../../src/state/url-sync.ts';
import { readRallyDocument } from '../lib/rally-fixtures.ts';
import { installFakeBrowser } from './fake-browser.ts';

const state = () => rallyStore.getState();
const loadRallies = () => finishLoading(parseRallyCollection(readRallyDocument()));
let stop: (() => void) | undefined;

beforeEach(() => {
  rallyStore.setState(initialRallyState());
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.unstubAllGlobals();
});

describe('startUrlSync', () => {
  it('puts the route and the presentation of the address into the store', () => {
    installFakeBrowser('/embed/city/rome/');
    stop = startUrlSync();
    expect(state().route).toEqual({ kind: 'city', cityId: 'rome' });
    expect(state().presentation).toBe('embed');
  });

  it('pushes one history entry when a city opens, keeping the query', () => {
    const browser = installFakeBrowser('/?lang=de');
    stop = startUrlSync();
    loadRallies();
    selectCity('london');
    expect(browser.history.pushState).toHaveBeenCalledTimes(1);
    expect(browser.history.pushState).toHaveBeenCalledWith(null, '', '/city/london/?lang=de');
    closeCity();
    expect(browser.history.pushState).toHaveBeenLastCalledWith(null, '', '/?lang=de');
    expect(browser.history.pushState).toHaveBeenCalledTimes(2);
  });

  it('replaces the address in the embed version, so the host article’s history is untouched', () => {
    const browser = installFakeBrowser('/embed/');
    stop = startUrlSync();
    loadRallies();
    selectCity('york');
    expect(browser.history.pushState).not.toHaveBeenCalled();
    expect(browser.history.replaceState).toHaveBeenCalledWith(null, '', '/embed/city/york/');
  });

  it('follows Back and Forward without adding entries of its own', () => {
    const browser = installFakeBrowser('/city/london/');
    stop = startUrlSync();
    loadRallies();
    browser.location.pathname = '/city/berlin/';
    browser.dispatch('popstate');
    expect(state().route).toEqual({ kind: 'city', cityId: 'berlin' });
    expect(browser.history.pushState).not.toHaveBeenCalled();
  });

  it('leaves the address of a page not found as the reader typed it', () => {
    const browser = installFakeBrowser('/cities/atlantis/');
    stop = startUrlSync();
    loadRallies();
    expect(state().route).toEqual({ kind: 'not-found' });
    expect(browser.location.pathname).toBe('/cities/atlantis/');
    expect(browser.history.pushState).not.toHaveBeenCalled();
    expect(browser.history.replaceState).not.toHaveBeenCalled();
  });

  it('keeps the title and <html lang> in step with the store', () => {
    const browser = installFakeBrowser('/city/london/');
    stop = startUrlSync();
    expect(browser.document.title).toBe('Rally map');
    loadRallies();
    expect(browser.document.title).toMatch(/^London, 7 April 2018 · /);
    setLanguage('sv', {});
    expect(browser.document.documentElement.lang).toBe('sv');
  });

  it('stops: later changes no longer reach the address', () => {
    const browser = installFakeBrowser('/');
    stop = startUrlSync();
    loadRallies();
    stop();
    stop = undefined;
    selectCity('rome');
    browser.dispatch('popstate');
    expect(browser.history.pushState).not.toHaveBeenCalled();
    expect(state().route).toEqual({ kind: 'city', cityId: 'rome' });
  });
});

describe('switchLanguage', () => {
  it('keeps the choice in ?lang=, with the path, the other parameters and the hash', () => {
    const browser = installFakeBrowser('/city/rome/?childId=map-1#quotes');
    switchLanguage('de');
    expect(browser.location.href).toBe('https://rallies.example.org/city/rome/?childId=map-1&lang=de#quotes');
    switchLanguage('en');
    expect(browser.location.href).toBe('https://rallies.example.org/city/rome/?childId=map-1#quotes');
    expect(browser.history.pushState).not.toHaveBeenCalled();
  });
});

describe('the page’s own address', () => {
  it('gives the site root on this page’s origin when SITE_URL is not set, and the query', () => {
    installFakeBrowser('/embed/?childId=map-2');
    expect(siteRoot()).toEqual({ basePath: '/', origin: 'https://rallies.example.org' });
    expect(pageQuery()).toBe('?childId=map-2');
  });
});
