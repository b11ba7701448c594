import { refuse } from '../kernel/decision.js';
import type { CourseArea } from '../course/courseArea.js';

/** Work in progress: the area's commands and events are being written. */
export const observationArea: CourseArea = {
  name: 'observation',
  commands: [],
  events: [],
  retractable: [],
  decide: (command) => refuse('unknown_command', `${command.type} is not a observation command`),
  evolve: (state) => state,
};
