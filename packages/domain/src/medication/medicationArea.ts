import { refuse } from '../kernel/decision.js';
import type { CourseArea } from '../course/courseArea.js';

/** Work in progress: the area's commands and events are being written. */
export const medicationArea: CourseArea = {
  name: 'medication',
  commands: [],
  events: [],
  retractable: [],
  decide: (command) => refuse('unknown_command', `${command.type} is not a medication command`),
  evolve: (state) => state,
};
