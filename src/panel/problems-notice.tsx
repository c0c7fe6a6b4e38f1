import { useT } from '../state/use-t.ts';
import { formatProblem } from '../lib/rally-problem.ts';
import { selectProblems } from '../state/selectors.ts';
import { useRallyStore } from '../state/use-rally-store.ts';

/**
 * A discreet notice when the rally file had errors: how many rallies could
 * not be shown, and why, for whoever maintains the file. Warnings stay silent.
 */
export function ProblemsNotice() {
  const problems = useRallyStore(selectProblems);
  const { t } = useT();
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return null;
  const droppedFeatures = new Set(
    errors.flatMap((problem) => (problem.featureIndex === null ? [] : [problem.featureIndex])),
  );
  const summary =
    droppedFeatures.size > 0 ? t('problems.dropped', { count: droppedFeatures.size }) : t('problems.fileErrors');
  return (
    <details className="problems-notice">
      <summary>{summary}</summary>
      <ul>
        {errors.map((problem, index) => (
          <li key={index}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
