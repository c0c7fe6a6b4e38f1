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
    expect(photoSource(photo)).toEqual({ kind: 'missing' });
  });

  it('shows a file under photos/ with its size', () => {
    expect(photoSource({ ...photo, src: 'photos/london-1.jpg', width: 1200, height: 800 })).toEqual({
      kind: 'local',
      path: 'photos/london-1.jpg',
      width: 1200,
      height: 800,
    });
  });

  it('does not show a local file whose size is unknown', () => {
    expect(photoSource({ ...photo, src: 'photos/london-1.jpg', width: 1200 })).toEqual({ kind: 'missing' });
  });

  it('names the host of a remote photo so the reader can choose to load it', () => {
    expect(photoSource({ ...photo, src: 'https://images.example.org:8443/london.jpg' })).toEqual({
      kind: 'remote',
      url: 'https://images.example.org:8443/london.jpg',
      host: 'images.example.org:8443',
    });
  });
});
