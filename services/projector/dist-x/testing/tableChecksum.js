"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tableChecksum = tableChecksum;
/** md5 over every row of a relation in a fixed order: equal contents, equal checksum. */
async function tableChecksum(pool, relation, orderBy) {
    const result = await pool.query(`SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${orderBy}), '')) AS md5 FROM ${relation} t`);
    return { rows: Number(result.rows[0]?.rows), md5: result.rows[0]?.md5 ?? '' };
}
//# sourceMappingURL=tableChecksum.js.map