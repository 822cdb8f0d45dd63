package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil users}: the first admin of a headless station, then users added by that admin; secrets only on stdin. */
class UsersCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        UsersCommand c = new UsersCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = dir.resolve("vigil.db").toString();
        return new CommandLine(c).execute(all);
    }

    @Test
    void theFirstAccountMustBeAnAdminAndLaterOnesNeedAnAdmin() throws Exception {
        assertEquals(2, run("a long password\n", "add", "--login", "bo", "--name", "Bo", "--role", "nurse"));
        assertTrue(err.toString().contains("the first account must be an admin"), err.toString());

        assertEquals(0, run("a long password\n", "add", "--login", "ada", "--name", "Ada L.", "--role", "admin"));
        assertTrue(out.toString().contains("User ada added (charge nurse / admin)"), out.toString());

        assertEquals(2, run("4711\n", "add", "--login", "bo", "--name", "Bo", "--pin-only"));
        assertEquals(1, run("4711\nwrong\n", "add", "--login", "bo", "--name", "Bo", "--pin-only", "--as", "ada"));
        assertEquals(0, run("4711\na long password\n", "add", "--login", "bo", "--name", "Bo", "--pin-only", "--as", "ada"));

        out.getBuffer().setLength(0);
        assertEquals(0, run("", "list"));
        assertEquals("login,name,role,enabled,locked_until\nada,Ada L.,admin,yes,\nbo,Bo,nurse,yes,\n",
                out.toString().replace("\r", ""));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("a long password") || raw.contains("4711"), "a secret in " + f);
            }
        }
    }
}
