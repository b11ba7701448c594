"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeline = exports.tapering = exports.referrals = exports.patientUnits = exports.medication = exports.eventCounts = exports.courses = exports.allProjections = void 0;
const courses_js_1 = require("./courses.js");
Object.defineProperty(exports, "courses", { enumerable: true, get: function () { return courses_js_1.courses; } });
const eventCounts_js_1 = require("./eventCounts.js");
Object.defineProperty(exports, "eventCounts", { enumerable: true, get: function () { return eventCounts_js_1.eventCounts; } });
const medication_js_1 = require("./medication.js");
Object.defineProperty(exports, "medication", { enumerable: true, get: function () { return medication_js_1.medication; } });
const patientUnits_js_1 = require("./patientUnits.js");
Object.defineProperty(exports, "patientUnits", { enumerable: true, get: function () { return patientUnits_js_1.patientUnits; } });
const referrals_js_1 = require("./referrals.js");
Object.defineProperty(exports, "referrals", { enumerable: true, get: function () { return referrals_js_1.referrals; } });
const tapering_js_1 = require("./tapering.js");
Object.defineProperty(exports, "tapering", { enumerable: true, get: function () { return tapering_js_1.tapering; } });
const timeline_js_1 = require("./timeline/timeline.js");
Object.defineProperty(exports, "timeline", { enumerable: true, get: function () { return timeline_js_1.timeline; } });
/** Every read model the projector maintains. */
exports.allProjections = [eventCounts_js_1.eventCounts, patientUnits_js_1.patientUnits, timeline_js_1.timeline, courses_js_1.courses, tapering_js_1.tapering, medication_js_1.medication, referrals_js_1.referrals];
//# sourceMappingURL=index.js.map