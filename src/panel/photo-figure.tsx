import { useT } from '../state/use-t.ts';
import { useState } from 'react';
import { photoSource } from '../lib/photo-source.ts';
import type { Photo } from '../lib/rally-schema.ts';

/**
 * A photo with its caption and credit. A photo that ships with the site (or
 * comes from an allowed host) is shown at its intrinsic size, with no layout
 * shift, and loads lazily, with no referrer (a photo host never learns
 * which page or city the reader is on); any other photo, or one that fails to load, is a
 * captioned placeholder that says plainly why there is no picture.
 */
export function PhotoFigure({ photo }: { photo: Photo }) {
  const source = photoSource(photo, import.meta.env.BASE_URL, import.meta.env.PHOTO_HOSTS);
  const [failed, setFailed] = useState(false);
  const { t } = useT();
  return (
    <figure className={`photo photo--${failed ? 'failed' : source.kind}`}>
      {source.kind === 'image' && !failed ? (
        <img
          src={source.src}
          width={source.width}
          height={source.height}
          alt={photo.alt}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed(true)}
        />
      ) : (
        <div className="photo-placeholder">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" focusable="false">
            <path
              d="M4 7h3l2-2h6l2 2h3v12H4z M12 10a3.5 3.5 0 1 0 0 7a3.5 3.5 0 0 0 0-7z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinejoin="round"
            />
          </svg>
          <span className="photo-placeholder-text">
            {failed
              ? t('photo.failed')
              : source.kind === 'remote'
                ? t('photo.remote', { host: source.host })
                : t('photo.notIncluded')}
          </span>
          {source.kind === 'remote' ? (
            <a href={source.url} rel="noopener noreferrer" target="_blank">
              {t('photo.openRemote', { host: source.host })}
            </a>
          ) : null}
        </div>
      )}
      <figcaption>
        {photo.caption} <span className="photo-credit">{t('photo.credit', { credit: photo.credit })}</span>
      </figcaption>
    </figure>
  );
}
