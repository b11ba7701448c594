import { domainStreams, evolveStored, type StreamKind } from '@medfri/domain';
import type { StreamModel } from '../routes/commandRoute.js';

export interface DomainStreamState {
  /** The domain decider's state, opaque here. */
  readonly domain: unknown;
  /** Unit and patient of the stream's first event, which every referral path must name. */
  readonly addressedTo: { readonly unitId: unknown; readonly patientId: unknown } | null;
}

function modelOf(kind: StreamKind): StreamModel<DomainStreamState> {
  const stream = domainStreams[kind];
  return {
    name: `domain-${kind}`,
    initial: { domain: stream.decider.initialState, addressedTo: null },
    evolve(state, event) {
      const data = event.data as { unitId?: unknown; patientId?: unknown };
      return { domain: evolveStored(stream, state.domain, event), addressedTo: state.addressedTo ?? { unitId: data.unitId, patientId: data.patientId } };
    },
  };
}

/** How each kind of domain stream folds for its commands: the domain's own evolve. */
export const domainStreamModels: Readonly<Record<StreamKind, StreamModel<DomainStreamState>>> = {
  referral: modelOf('referral'),
  course: modelOf('course'),
  patient: modelOf('patient'),
};
