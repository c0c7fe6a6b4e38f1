import { useT } from '../state/use-t.ts';
import { useId, useRef, useState } from 'react';
import { embedCode, startingEmbedHeight, type EmbedHeightMode } from '../lib/embed-code.ts';
import { embedHeightRange } from '../lib/embed-message.ts';
import { pageTitle } from '../lib/page-title.ts';
import { absoluteRouteUrl, embedScriptUrl, overviewRoute, type Route } from '../lib/address.ts';
import { selectCampaign, selectSelectedSummary } from '../state/selectors.ts';
import { siteRoot } from '../state/url-sync.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

const embedScript = import.meta.env.EMBED_SCRIPT;

/**
 * The embed-code generator for newsrooms: all rallies or this city, a
 * self-resizing or fixed height, the exact code, and a Copy button.
 */
export function EmbedCodeSection() {
  const campaign = useRallyStore(selectCampaign);
  const rally = useRallyStore(selectSelectedSummary);
  const [scope, setScope] = useState<'city' | 'all'>(rally ? 'city' : 'all');
  const [heightKind, setHeightKind] = useState<EmbedHeightMode['kind']>('responsive');
  const [fixedHeight, setFixedHeight] = useState(startingEmbedHeight);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const ids = { code: useId(), height: useId() };
  const { t, titles, language } = useT();

  const route: Route = rally && scope === 'city' ? { kind: 'city', cityId: rally.id } : overviewRoute;
  const title = pageTitle(rally && scope === 'city' ? { kind: 'city', rally } : { kind: 'overview' }, campaign, titles);
  const height = Math.min(embedHeightRange.max, Math.max(embedHeightRange.min, Math.round(fixedHeight) || 0));
  const code = embedCode({
    embedUrl: absoluteRouteUrl(route, siteRoot(), 'embed', language),
    // The development server builds no embed script: embed.js's address, without integrity.
    scriptUrl: embedScriptUrl(siteRoot(), embedScript?.file),
    ...(embedScript ? { scriptIntegrity: embedScript.integrity } : {}),
    title: `Map: ${title}`,
    mode: heightKind === 'fixed' ? { kind: 'fixed', height } : { kind: 'responsive' },
  });

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopyState('copied');
    } catch {
      setCopyState('refused');
      codeRef.current?.focus();
      codeRef.current?.select();
    }
  };

  return (
    <div className="share-section embed-section">
      <p className="share-heading">{t('embed.heading')}</p>
      {rally ? (
        <fieldset className="embed-choice">
          <legend>{t('embed.show')}</legend>
          <label>
            <input type="radio" name="embed-scope" checked={scope === 'city'} onChange={() => setScope('city')} />{' '}
            {rally.name}
          </label>
          <label>
            <input type="radio" name="embed-scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
            {t('embed.allRallies')}
          </label>
        </fieldset>
      ) : null}
      <fieldset className="embed-choice">
        <legend>{t('embed.height')}</legend>
        <label>
          <input
            type="radio"
            name="embed-height"
            checked={heightKind === 'responsive'}
            onChange={() => setHeightKind('responsive')}
          />{' '}
          {t('embed.fits')}
        </label>
        <label>
          <input
            type="radio"
            name="embed-height"
            checked={heightKind === 'fixed'}
            onChange={() => setHeightKind('fixed')}
          />{' '}
          {t('embed.fixed')}
        </label>
        {heightKind === 'fixed' ? (
          <label htmlFor={ids.height} className="embed-height">
            <input
              id={ids.height}
              type="number"
              min={embedHeightRange.min}
              max={embedHeightRange.max}
              step={10}
              value={fixedHeight}
              onChange={(event) => setFixedHeight(Number(event.target.value))}
            />{' '}
            {t('embed.pixels')}
          </label>
        ) : null}
      </fieldset>
      <label htmlFor={ids.code} className="embed-code-label">
        {t('embed.code')}
      </label>
      <textarea id={ids.code} ref={codeRef} className="embed-code" readOnly rows={5} value={code} />
      <button type="button" className="share-action" onClick={() => void copyCode()}>
        {t('embed.copyCode')}
      </button>
      <p className="share-status" role="status">
        {copyState === 'copied' ? t('embed.codeCopied') : copyState === 'refused' ? t('embed.codeBlocked') : ''}
      </p>
    </div>
  );
}
