import { useT } from '../state/use-t.ts';

/** The "Try again" button of a failure notice; `retry` runs when it is pressed. */
export function TryAgainButton({ retry }: { retry: () => void }) {
  const { t } = useT();
  return (
    <button type="button" className="primary-button" onClick={retry}>
      {t('status.tryAgain')}
    </button>
  );
}
