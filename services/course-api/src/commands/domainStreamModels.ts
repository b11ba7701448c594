import { domainStreams, evolveStored, type StreamKind } from '@medfri/domain';
import type { StreamModel } from '../routes/commandRoute.js';

function modelOf(kind: StreamKind): StreamModel<unknown> {
  const stream = domainStreams[kind];
  return { name: `domain-${kind}`, initial: stream.decider.initialState, evolve: (state, event) => evolveStored(stream, state, event) };
}

/** How each kind of domain stream folds for its commands: the domain's own decider state and evolve. */
export const domainStreamModels: Readonly<Record<StreamKind, StreamModel<unknown>>> = {
  referral: modelOf('referral'),
  course: modelOf('course'),
  patient: modelOf('patient'),
};
