import { useT } from '../state/use-t.ts';
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { absoluteRouteUrl, type Route } from '../lib/address.ts';
import { siteRoot } from '../state/url-sync.ts';
import { ShareWithoutScript } from './share-without-script.tsx';

// The menu's contents are not part of the first view; they load when the
// reader reaches for the button, and usually have arrived by the click.
const loadSharePanel = () => import('./share-panel.tsx');
const SharePanel = lazy(loadSharePanel);

interface ShareMenuProps {
  /** The page to share. */
  route: Route;
  /** The line shared with the link: the city, the date and the campaign title. */
  text: string;
}

/**
 * A Share button that opens a small panel: copy the link, the system share
 * sheet where there is one, and plain links to share on other services.
 * Nothing is loaded from those services until the reader follows a link.
 * Esc or a click outside closes it, and Esc returns focus to the button.
 * Without JavaScript the button is hidden and the same options are plain
 * links and text (share-without-script.tsx).
 */
export function ShareMenu({ route, text }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const { t } = useT();

  useEffect(
    function closeOnOutsidePointer() {
      if (!open) return;
      const onPointerDown = (event: PointerEvent) => {
        if (event.target instanceof Node && !wrapperRef.current?.contains(event.target)) setOpen(false);
      };
      document.addEventListener('pointerdown', onPointerDown);
      return function stopClosingOnOutsidePointer() {
        document.removeEventListener('pointerdown', onPointerDown);
      };
    },
    [open],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return (
    <div className="share" ref={wrapperRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="share-button needs-script"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
        onPointerEnter={() => void loadSharePanel()}
        onFocus={() => void loadSharePanel()}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <path
            d="M12 3v12M7.5 7.5 12 3l4.5 4.5M5 12v8h14v-8"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {t('share.button')}
      </button>
      {open ? (
        <div id={panelId} className="share-panel" role="group" aria-label={t('share.menuLabel')}>
          <Suspense
            fallback={
              <p className="share-loading" role="status">
                {t('share.loading')}
              </p>
            }
          >
            <SharePanel page={{ url: absoluteRouteUrl(route, siteRoot()), text }} />
          </Suspense>
        </div>
      ) : null}
      <ShareWithoutScript route={route} text={text} title={text} />
    </div>
  );
}
