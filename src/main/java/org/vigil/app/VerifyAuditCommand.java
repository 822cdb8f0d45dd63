package org.vigil.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.security.AuditHead;
import org.vigil.security.AuditVerifier;
import org.vigil.storage.DatabaseKey;
import org.vigil.storage.DatabaseKeys;
import org.vigil.storage.VigilDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil verify-audit}: checks the audit trail's hash chain and its signed head; changes nothing. */
@Command(name = "verify-audit",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the audit trail of a session database: every row's hash, every row's link to the",
            "row before, numbers without gaps, and the last row against the head signed outside the",
            "database (<db>.audit-head). Prints OK with the number of rows, or the first broken row",
            "(seq and what is wrong) and exits 1. The database is opened read-only in effect: nothing",
            "is written. The key comes from VIGIL_DB_KEY, else the key file (see --key-dir)."},
        footer = {"", "Example:", "  java -jar vigil.jar verify-audit --db ~/.local/share/vigil/vigil.db"})
final class VerifyAuditCommand implements Callable<Integer> {

    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The session database.")
    Path database;

    @Option(names = "--key-dir", paramLabel = "DIR",
            description = "Folder of the key file " + DatabaseKeys.KEY_FILE + " (default: " + DatabaseKeys.ENV_KEY_DIR
                    + ", else the per-user key folder).")
    Path keyDir;

    /** The environment (tests give their own). */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(database)) {
            err.println("verify-audit: no database at " + database);
            return CANNOT_CHECK;
        }
        DatabaseKeys keys = keyDir != null ? DatabaseKeys.inFolder(keyDir, env)
                : DatabaseKeys.fromEnvironment(env, Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
        try {
            DatabaseKey key = keys.existing().orElse(null);
            if (key == null) {
                err.println("verify-audit: the database key is missing: set " + DatabaseKeys.ENV_KEY + " or give --key-dir ("
                        + keys.describe() + " does not exist)");
                return CANNOT_CHECK;
            }
            AuditVerifier.Verdict v;
            try (Connection c = VigilDatabase.connection(database, keys)) {
                v = AuditVerifier.verify(c, database, key);
            }
            if (v.ok()) {
                out.println("OK: audit trail of " + database + ": " + v.rows() + " rows, chain intact, head "
                        + AuditHead.fileFor(database).getFileName() + " signed and matching");
                out.flush();
                return 0;
            }
            out.println("BROKEN: audit trail of " + database + ": first broken row: " + v.problem().orElseThrow()
                    + " (" + v.rows() + " rows read)");
            out.flush();
            return BROKEN;
        } catch (java.sql.SQLException e) {
            err.println("verify-audit: cannot check " + database + ": " + ((e.getErrorCode() & 0xFF) == 26
                    ? "it does not open with the " + keys.describe() + " (wrong key, or not a Vigil database)"
                    : e.getMessage()));
            return CANNOT_CHECK;
        } catch (Exception e) {
            err.println("verify-audit: cannot check " + database + ": " + e.getMessage());
            return CANNOT_CHECK;
        }
    }
}
