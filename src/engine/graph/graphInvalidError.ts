import { SpikelabError } from '../core/errors';
import type { Problem } from './problems';

/** Thrown by compilation when validation finds errors; carries all of them for the problems list. */
export class GraphInvalidError extends SpikelabError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(first.code, `${first.message}${more}`, first.hint, first.node ?? first.edge?.join(' → '));
    this.problems = problems;
  }
}
