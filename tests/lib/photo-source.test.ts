import { describe, expect, it } from 'vitest';
import { photoSource } from '../../src/lib/photo-source.ts';
import type { Photo } from '../../src/lib/rally-schema.ts';

const photo: Photo = {
  caption: 'Protest outside the Russian Embassy in London.',
  credit: 'David Hudson',
  alt: 'Protest',
};

describe('photoSource', () => {
  it('has nothing to show for a photo recorded by caption only', () => {
    expect(photoSource(photo, '/')).toEqual({ kind: 'missing' });
  });

  it('shows a file under photos/ with its size, under the base path', () => {
    expect(photoSource({ ...photo, src: 'photos/london-1.jpg', width: 1200, height: 800 }, '/maps/')).toEqual({
      kind: 'image',
      src: '/maps/photos/london-1.jpg',
      width: 1200,
      height: 800,
    });
  });

  it('does not show a local file whose size is unknown', () => {
    expect(photoSource({ ...photo, src: 'photos/london-1.jpg', width: 1200 }, '/')).toEqual({ kind: 'missing' });
  });

  it('never loads a remote photo by default: it names the host so the reader can choose', () => {
    expect(
      photoSource({ ...photo, src: 'https://images.example.org/london.jpg', width: 800, height: 600 }, '/'),
    ).toEqual({
      kind: 'remote',
      url: 'https://images.example.org/london.jpg',
      host: 'images.example.org',
    });
  });

  it('shows a remote photo from a host the deployer allowed', () => {
    const remote = { ...photo, src: 'https://images.example.org/london.jpg', width: 800, height: 600 };
    expect(photoSource(remote, '/', ['images.example.org'])).toEqual({
      kind: 'image',
      src: 'https://images.example.org/london.jpg',
      width: 800,
      height: 600,
    });
    expect(photoSource(remote, '/', ['other.example.org']).kind).toBe('remote');
    expect(
      photoSource({ ...remote, src: 'https://images.example.org.evil.net/x.jpg' }, '/', ['images.example.org']).kind,
    ).toBe('remote');
  });

  it('keeps a port in the host, so an allowed host on another port stays a link', () => {
    expect(
      photoSource({ ...photo, src: 'https://images.example.org:8443/a.jpg', width: 1, height: 1 }, '/', [
        'images.example.org',
      ]),
    ).toEqual({
      kind: 'remote',
      url: 'https://images.example.org:8443/a.jpg',
      host: 'images.example.org:8443',
    });
  });
});
