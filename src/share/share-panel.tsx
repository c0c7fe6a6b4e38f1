import { useT } from '../state/use-t.ts';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { mastodonShareUrl, shareLinks, type SharedPage } from '../lib/share-links.ts';
import { CampaignToolLinks, type ShareTools } from './campaign-tool-links.tsx';
import { EmbedCodeSection } from './embed-code-section.tsx';

type CopyState = 'idle' | 'copied' | 'refused';

/**
 * The share menu's contents: copy the link, the system share sheet where
 * there is one, plain links to other services, and the embed code. Loaded
 * only when a reader opens the menu (see share-menu.tsx).
 */
export default function SharePanel({
  page,
  tools = {},
  embed = true,
}: {
  page: SharedPage;
  tools?: ShareTools;
  /** Whether to offer the embed code (the current page's); not for a quote's own page. */
  embed?: boolean;
}) {
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const [copied, setCopied] = useState<'link' | 'citation'>('link');
  const fallbackRef = useRef<HTMLInputElement>(null);
  const canUseShareSheet = typeof navigator.share === 'function';
  const { t } = useT();

  useEffect(
    function selectFallbackLink() {
      if (copyState === 'refused') fallbackRef.current?.select();
    },
    [copyState],
  );

  useEffect(
    function forgetConfirmation() {
      if (copyState !== 'copied') return;
      const timer = setTimeout(() => setCopyState('idle'), 4000);
      return function cancelForget() {
        clearTimeout(timer);
      };
    },
    [copyState],
  );

  const copy = async (what: 'link' | 'citation') => {
    setCopied(what);
    try {
      // Some browsers, embeds and privacy settings refuse the Clipboard API.
      await navigator.clipboard.writeText(what === 'citation' ? (tools.citation ?? page.url) : page.url);
      setCopyState('copied');
    } catch {
      setCopyState('refused');
    }
  };

  const openShareSheet = async () => {
    try {
      await navigator.share({ title: page.text, text: page.text, url: page.url });
    } catch {
      // The reader closed the sheet, or the browser refused it: nothing to do.
    }
  };

  return (
    <>
      <div className="share-section">
        <button type="button" className="share-action" onClick={() => void copy('link')}>
          {t('share.copyLink')}
        </button>
        {tools.citation !== undefined ? (
          <button type="button" className="share-action" onClick={() => void copy('citation')}>
            {t('tools.copyWithCitation')}
          </button>
        ) : null}
        {canUseShareSheet ? (
          <button type="button" className="share-action" onClick={() => void openShareSheet()}>
            {t('share.shareVia')}
          </button>
        ) : null}
        <p className="share-status" role="status">
          {copyState === 'copied' ? t(copied === 'citation' ? 'tools.citationCopied' : 'share.linkCopied') : ''}
        </p>
        {copyState === 'refused' ? (
          <label className="share-fallback">
            {t('share.copyBlocked')}
            <input
              ref={fallbackRef}
              type="text"
              readOnly
              value={copied === 'citation' ? (tools.citation ?? page.url) : page.url}
              onFocus={(event) => event.target.select()}
            />
          </label>
        ) : null}
      </div>
      <div className="share-section">
        <p className="share-heading">{t('share.shareOn')}</p>
        <ul className="share-links">
          {shareLinks(page).map((link) => (
            <li key={link.id}>
              <a href={link.href} target="_blank" rel="noopener noreferrer" data-share={link.id}>
                {link.id === 'email' ? t('share.email') : link.label}
              </a>
            </li>
          ))}
        </ul>
        <MastodonShare page={page} />
        <p className="share-note">
          {t('share.signalNote', { action: canUseShareSheet ? t('share.shareVia') : t('share.copyLink') })}
        </p>
      </div>
      {tools.images || tools.posterPath ? (
        <div className="share-section">
          <CampaignToolLinks tools={tools} />
        </div>
      ) : null}
      {embed ? <EmbedCodeSection /> : null}
    </>
  );
}

function MastodonShare({ page }: { page: SharedPage }) {
  const [server, setServer] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { t } = useT();
  const inputId = useId();
  const errorId = useId();

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const href = mastodonShareUrl(server, page);
    setInvalid(href === null);
    if (href !== null) window.open(href, '_blank', 'noopener,noreferrer');
  };

  return (
    <form className="share-mastodon" onSubmit={onSubmit}>
      <label htmlFor={inputId}>{t('share.mastodonServer')}</label>
      <div className="share-mastodon-row">
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="mastodon.social"
          value={server}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => setServer(event.target.value)}
        />
        <button type="submit" className="share-action">
          {t('share.post')}
        </button>
      </div>
      {invalid ? (
        <p id={errorId} className="share-error">
          {t('share.mastodonInvalid')}
        </p>
      ) : null}
    </form>
  );
}
