import { useT } from '../state/use-t.ts';
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { absoluteRouteUrl, type Route } from '../lib/address.ts';
import { useHydrated } from '../state/use-hydrated.ts';
import { siteRoot } from '../state/url-sync.ts';
import type { ShareTools } from './campaign-tool-links.tsx';
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
  /**
   * A page of its own that is not a route, such as a quote's page: its path
   * under the base path. The menu then shares that page, and opens from a
   * link to it, which without JavaScript simply leads there.
   */
  path?: string;
  /** The trigger's text: "Share" unless given ("Share this quote"). */
  label?: string;
  /** The extra actions for this page: copy with citation, image downloads, the poster. */
  tools?: ShareTools;
}

/**
 * A Share button that opens a small panel: copy the link, the system share
 * sheet where there is one, and plain links to share on other services.
 * Nothing is loaded from those services until the reader follows a link.
 * Esc or a click outside closes it, and Esc returns focus to the button.
 * Without JavaScript the button is hidden and the same options are plain
 * links and text (share-without-script.tsx); a quote's trigger is a plain
 * link to the quote's own page, which has them, and claims to expand
 * something (`aria-expanded`, `aria-controls`) only once the script runs.
 */
export function ShareMenu({ route, text, path, label, tools }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement & HTMLAnchorElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const { t, language } = useT();
  // A quote's trigger is a plain link until the script runs: only then does it open (and control) the panel.
  const scripted = useHydrated();

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
      {path === undefined ? (
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
          {shareIcon}
          {label ?? t('share.button')}
        </button>
      ) : (
        <a
          ref={buttonRef}
          href={path}
          className="share-button share-button--small"
          aria-expanded={scripted ? open : undefined}
          aria-controls={scripted ? panelId : undefined}
          onClick={(event) => {
            // New-tab and other modified clicks open the page itself.
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            setOpen((isOpen) => !isOpen);
          }}
          onPointerEnter={() => void loadSharePanel()}
          onFocus={() => void loadSharePanel()}
        >
          {shareIcon}
          {label ?? t('share.button')}
        </a>
      )}
      {open ? (
        <div id={panelId} className="share-panel" role="group" aria-label={t('share.menuLabel')}>
          <Suspense
            fallback={
              <p className="share-loading" role="status">
                {t('share.loading')}
              </p>
            }
          >
            <SharePanel
              page={{
                url:
                  path === undefined
                    ? absoluteRouteUrl(route, siteRoot(), 'site', language)
                    : new URL(path, siteRoot().origin).href,
                text,
              }}
              tools={tools ?? {}}
              embed={path === undefined}
            />
          </Suspense>
        </div>
      ) : null}
      {path === undefined ? <ShareWithoutScript route={route} text={text} title={text} tools={tools ?? {}} /> : null}
    </div>
  );
}

const shareIcon = (
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
);
