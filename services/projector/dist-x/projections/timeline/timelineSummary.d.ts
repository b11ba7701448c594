import type { CourseState, Referral } from '@medfri/domain';
import type { DomainRecord } from '../domain/domainRecord.js';
import { type Bilingual } from './labels.js';
/** What a summary may draw on besides the event: the stream's state after it, and reference names. */
export interface SummaryContext {
    course: CourseState | undefined;
    referral: Referral | null | undefined;
    unitName(unitId: string): string;
}
/** A short readable summary in bokmål and English, from structured fields only. */
export declare function summarize(record: DomainRecord, context: SummaryContext): Bilingual;
//# sourceMappingURL=timelineSummary.d.ts.map