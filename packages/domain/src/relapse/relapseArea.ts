import { refuse } from '../kernel/decision.js';
import type { CourseArea } from '../course/courseArea.js';

/** Work in progress: the area's commands and events are being written. */
export const relapseArea: CourseArea = {
  name: 'relapse',
  commands: [],
  events: [],
  retractable: [],
  decide: (command) => refuse('unknown_command', `${command.type} is not a relapse command`),
  evolve: (state) => state,
};
