/**
 * The last evaluation: accuracy over the split and the confusion matrix, true classes down,
 * predictions across, each cell's count shaded by its size, with each class's accuracy at the
 * end of its row.
 */
import { useLiveStore } from '../state/liveStore';
import { maxCount, perClassAccuracy } from './confusion';

const percent = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');

export function EvaluationView() {
  const evaluation = useLiveStore((s) => s.evaluation);
  if (!evaluation) return null;
  const { rows, cols, confusion, classes } = evaluation;
  const perClass = perClassAccuracy(confusion, rows, cols);
  const max = maxCount(confusion);
  const name = (i: number) => classes[i] ?? String(i);
  return (
    <figure className="run-evaluation" aria-label="Evaluation">
      <figcaption>
        Accuracy <strong data-testid="evaluation-accuracy">{percent(evaluation.accuracy)}</strong> on {evaluation.n} {evaluation.split} samples
        (loss {evaluation.loss.toFixed(4)}, weights of step {evaluation.step})
      </figcaption>
      <div className="confusion-scroll">
        <table className="confusion" aria-label="Confusion matrix">
          <thead>
            <tr>
              <th scope="col" title="true class ↓, predicted →">true \ predicted</th>
              {Array.from({ length: cols }, (_, p) => <th key={p} scope="col">{name(p)}</th>)}
              <th scope="col">class acc.</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, t) => (
              <tr key={t}>
                <th scope="row">{name(t)}</th>
                {Array.from({ length: cols }, (_, p) => {
                  const count = confusion[t * cols + p];
                  const shade = count / max;
                  return (
                    <td key={p} className={t === p ? 'diagonal' : undefined} style={{ ['--shade' as string]: shade.toFixed(3) }}
                      title={`${name(t)} predicted as ${name(p)}: ${count}`}>{count}</td>
                  );
                })}
                <td className="class-accuracy">{percent(perClass[t])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
