import type { Pool } from 'pg';
/** md5 over every row of a relation in a fixed order: equal contents, equal checksum. */
export declare function tableChecksum(pool: Pool, relation: string, orderBy: string): Promise<{
    rows: number;
    md5: string;
}>;
//# sourceMappingURL=tableChecksum.d.ts.map