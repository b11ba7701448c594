import type { Decision } from './decision.js';
import type { DecisionContext } from './decisionContext.js';

/**
 * One consistency boundary (one stream): commands are decided against the state folded
 * from the stream's events. Both functions are pure.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  decide(command: Command, state: State, context: DecisionContext): Decision<Event>;
  evolve(state: State, event: Event): State;
}

/** Folds a stream's events into state. */
export function fold<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>, events: Iterable<Event>): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
