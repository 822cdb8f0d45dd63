package org.vigil.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system for storage-fault tests: a tmpfs mounted on a test folder. Mounting
 * needs Linux and the right to mount (root, or a user namespace); elsewhere the test is skipped
 * with the reason, and the same faults stay covered by injected failures.
 */
final class Tmpfs {

    private Tmpfs() {
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code ro,size=256k}) on {@code folder}, or skips. */
    static void mountOrSkip(Path folder, String options) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "a tmpfs needs Linux");
        Result r = exec("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString());
        assumeTrue(r.code == 0, "cannot mount a tmpfs here (" + r.output.strip() + ")");
    }

    /** Runs a command that must succeed (e.g. a remount). */
    static void run(String... command) throws IOException, InterruptedException {
        Result r = exec(command);
        if (r.code != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + r.output);
        }
    }

    static void unmount(Path folder) throws IOException, InterruptedException {
        run("umount", folder.toString());
    }

    private record Result(int code, String output) {
    }

    private static Result exec(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
