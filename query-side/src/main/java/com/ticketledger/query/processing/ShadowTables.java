package com.ticketledger.query.processing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rebuild's copies of one projection's tables, in a schema of their own ({@code rebuild_<group>}): made like
 * the live tables from the catalogue (columns, defaults, checks, keys, indexes, triggers, foreign keys, grants),
 * so that a migration that changed a live table is followed without a word here, and named as the live ones are
 * (an index or a constraint keeps its name through the swap, for the migrations that name them later).
 *
 * <p>While they fill: with the keys and unique indexes (the projections' upserts need them), the plain whole-table
 * b-tree indexes (their writes look rows up by them) and the triggers. At the end, before the swap: the indexes only
 * reads use (partial ones, GIN and the like), foreign keys and grants, and statistics. The copies are logged from the
 * start: each batch's rows reach the WAL as they are written, by the rebuild's workers side by side, and a crash of
 * PostgreSQL keeps them with the tokens committed beside them. UNLOGGED copies made {@code SET LOGGED} at the end
 * wrote the whole table to the WAL in one statement on one core while nothing else went on: 2.9 µs of the history
 * rebuild's 29 µs of CPU per event, and a slower rebuild (docs/BENCHMARKS.md, session 16).
 */
final class ShadowTables {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String schema;
    private final List<String> tables;

    ShadowTables(JdbcClient jdbc, TransactionTemplate transactions, String group, List<String> tables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schema = schemaOf(group);
        this.tables = tables;
    }

    static String schemaOf(String group) {
        return "rebuild_" + group.replace('-', '_');
    }

    String schema() {
        return schema;
    }

    List<String> tables() {
        return tables;
    }

    boolean exists() {
        return jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = :s").param("s", schema)
                .query(Long.class).single() > 0;
    }

    void drop() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    /** Fresh, empty copies of the live tables, ready to be filled. */
    void create() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + schema).update();
            // the catalogue's definitions fully qualified, whatever the connection's search path
            jdbc.sql("SELECT set_config('search_path', '', true)").query().listOfRows();
            for (String table : tables) {
                List<String> referencing = jdbc.sql("""
                                SELECT conname FROM pg_constraint
                                WHERE contype = 'f' AND confrelid = CAST(:t AS regclass) AND conrelid <> CAST(:t AS regclass)""")
                        .param("t", live(table)).query(String.class).list();
                if (!referencing.isEmpty()) {
                    throw new IllegalStateException("another table's foreign keys " + referencing + " reference "
                            + table + ": a rebuild would leave them on the old table");
                }
                jdbc.sql("CREATE TABLE " + copy(table) + " (LIKE " + live(table)
                        + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY"
                        + " INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING COMMENTS)").update();
                for (Map<String, Object> key : jdbc.sql("""
                                SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                                WHERE conrelid = CAST(:t AS regclass) AND contype IN ('p', 'u', 'x') ORDER BY conname""")
                        .param("t", live(table)).query().listOfRows()) {
                    jdbc.sql("ALTER TABLE " + copy(table) + " ADD CONSTRAINT " + quoted((String) key.get("conname"))
                            + " " + key.get("def")).update();
                }
                for (String index : indexes(table, true)) {
                    jdbc.sql(onCopy(index, table)).update();
                }
                for (String trigger : jdbc.sql("""
                                SELECT pg_get_triggerdef(oid) FROM pg_trigger
                                WHERE tgrelid = CAST(:t AS regclass) AND NOT tgisinternal ORDER BY tgname""")
                        .param("t", live(table)).query(String.class).list()) {
                    jdbc.sql(onCopy(trigger, table)).update();
                }
            }
        });
    }

    /** The copies made complete: every index, foreign keys, grants, statistics. */
    void complete() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("SELECT set_config('search_path', '', true)").query().listOfRows();
            for (String table : tables) {
                for (String index : indexes(table, false)) {
                    jdbc.sql(onCopy(index, table)).update();
                }
                for (Map<String, Object> key : jdbc.sql("""
                                SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                                WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname""")
                        .param("t", live(table)).query().listOfRows()) {
                    String definition = (String) key.get("def");
                    for (String other : tables) {
                        definition = definition.replace("REFERENCES " + live(other) + "(",
                                "REFERENCES " + copy(other) + "(");
                    }
                    jdbc.sql("ALTER TABLE " + copy(table) + " ADD CONSTRAINT " + quoted((String) key.get("conname"))
                            + " " + definition).update();
                }
                for (String grant : jdbc.sql("""
                                SELECT format('GRANT %s ON %s TO %s', a.privilege_type, :copy,
                                    CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END)
                                FROM pg_class c, aclexplode(c.relacl) a
                                WHERE c.oid = CAST(:t AS regclass) AND a.grantee <> c.relowner""")
                        .param("t", live(table)).param("copy", copy(table)).query(String.class).list()) {
                    jdbc.sql(grant).update();
                }
            }
        });
        for (String table : tables) {
            jdbc.sql("ANALYZE " + copy(table)).update();
        }
    }

    /**
     * Inside the swap's transaction: the live tables locked (the readers before it finish; those after it wait
     * and then read the new ones), dropped, and the copies moved into their place, with any sequence a live
     * column owns handed to the copy's column first (a serial column's default names it).
     */
    void lockLive() {
        jdbc.sql("LOCK TABLE " + String.join(", ", tables.stream().map(ShadowTables::live).toList())
                + " IN ACCESS EXCLUSIVE MODE").update();
    }

    void replaceLive() {
        for (String table : tables) {
            for (Map<String, Object> owned : jdbc.sql("""
                            SELECT s.oid::regclass::text AS sequence, a.attname AS col FROM pg_depend d
                            JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                            WHERE d.refobjid = CAST(:t AS regclass) AND d.deptype = 'a'""")
                    .param("t", live(table)).query().listOfRows()) {
                jdbc.sql("ALTER SEQUENCE " + owned.get("sequence") + " OWNED BY " + copy(table) + "."
                        + quoted((String) owned.get("col"))).update();
            }
            jdbc.sql("DROP TABLE " + live(table)).update();
            jdbc.sql("ALTER TABLE " + copy(table) + " SET SCHEMA public").update();
        }
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    /** The table's indexes that back no constraint: those needed while filling, or the others. */
    private List<String> indexes(String table, boolean whileFilling) {
        return jdbc.sql("""
                        SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x
                        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
                        WHERE x.indrelid = CAST(:t AS regclass)
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                          AND (x.indisunique OR (am.amname = 'btree' AND x.indpred IS NULL)) = :filling
                        ORDER BY i.relname""")
                .param("t", live(table)).param("filling", whileFilling).query(String.class).list();
    }

    /** A definition of the live table's (index, trigger) made on the copy: {@code ON public.t} becomes the copy's. */
    private String onCopy(String definition, String table) {
        Matcher on = Pattern.compile(" ON (ONLY )?" + Pattern.quote(live(table)) + " ").matcher(definition);
        if (!on.find()) {
            throw new IllegalStateException("cannot place on the copy of " + table + ": " + definition);
        }
        return definition.substring(0, on.start()) + " ON " + copy(table) + " " + definition.substring(on.end());
    }

    private static String live(String table) {
        return "public." + table;
    }

    private String copy(String table) {
        return schema + "." + table;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
