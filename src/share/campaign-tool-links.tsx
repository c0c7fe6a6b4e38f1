import { useT } from '../state/use-t.ts';

/** The extra actions a page's share menu offers (issue 14), each only when given. */
export interface ShareTools {
  /** The quote with its citation, in one line, for "Copy with citation". */
  citation?: string;
  /** Paths of the page's downloadable images: the 1200×630 card and the 1080×1080 square. */
  images?: { wide: string; square: string };
  /** Path of the city's printable poster. */
  posterPath?: string;
}

/**
 * The share options that are plain links, the same with and without
 * JavaScript: "Download image" (the wide card and the square one) and
 * "Print a poster", each only when `tools` has it. Renders nothing when it
 * has neither.
 */
export function CampaignToolLinks({ tools }: { tools: ShareTools }) {
  const { t } = useT();
  return (
    <>
      {tools.images ? (
        <>
          <p className="share-heading">{t('tools.downloadImage')}</p>
          <ul className="share-links share-downloads">
            <li>
              <a href={tools.images.wide} download data-image="wide">
                {t('tools.imageWide')}
              </a>
            </li>
            <li>
              <a href={tools.images.square} download data-image="square">
                {t('tools.imageSquare')}
              </a>
            </li>
          </ul>
        </>
      ) : null}
      {tools.posterPath ? (
        <p className="share-poster">
          <a href={tools.posterPath} data-poster="">
            {t('tools.printPoster')}
          </a>
        </p>
      ) : null}
    </>
  );
}
