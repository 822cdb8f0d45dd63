package org.vigil.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.config.ConfigException;
import org.vigil.config.StationConfig;
import org.vigil.domain.Actor;
import org.vigil.domain.Role;
import org.vigil.security.AccountResult;
import org.vigil.security.Accounts;
import org.vigil.security.LoginResult;
import org.vigil.security.PasswordHasher;
import org.vigil.storage.AccountRow;
import org.vigil.storage.AccountStore;
import org.vigil.storage.StorageException;
import org.vigil.storage.VigilDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil users add|list}: user accounts without a screen (a headless station's first admin,
 * scripted setup). Secrets are read from standard input, one per line, never from the command
 * line (it shows in the process list and the shell history). The first account must be an admin
 * and needs nobody's permission; later ones need an admin ({@code --as}) whose password or PIN is
 * the next line of standard input. Every change goes to the audit trail as the station's own.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Add or list user accounts of the station's database.",
            "Secrets are read from standard input, one per line: the new user's password (or PIN with --pin-only),",
            "then, with --as, that admin's password or PIN."},
        footer = {"", "Examples:",
            "  printf '%s\\n' 'long password' | java -jar vigil.jar users add --login ada --name 'Ada L.' --role admin",
            "  printf '%s\\n%s\\n' 4711 'admin password' | java -jar vigil.jar users add --login bo --name Bo"
                    + " --role nurse --pin-only --as ada",
            "  java -jar vigil.jar users list"})
final class UsersCommand implements Callable<Integer> {

    @Mixin
    StationOptions options = new StationOptions();

    @Parameters(index = "0", paramLabel = "ACTION", description = "add or list")
    String action;

    @Option(names = "--login", paramLabel = "NAME", description = "The user name typed at the login.")
    String login;

    @Option(names = "--name", paramLabel = "TEXT", description = "The full name shown and recorded.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "nurse",
            description = "nurse, admin, prescriber or auditor (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--pin-only", description = "The secret is a quick PIN (4-12 characters), not a password.")
    boolean pinOnly;

    @Option(names = "--as", paramLabel = "ADMIN", description = "The admin who adds the user (not needed for the first admin).")
    String as;

    private final java.io.InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;

    UsersCommand() {
        this(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    UsersCommand(java.io.InputStream in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        StationConfig cfg;
        try {
            cfg = StationLauncher.configure(options, err);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (VigilDatabase db = VigilDatabase.open(cfg.database()); AccountStore store = db.accounts();
                org.vigil.security.AuditTrail trail = org.vigil.security.AuditTrail.start(cfg.database(),
                        org.vigil.storage.DatabaseKeys.standard(), InstantSource.system())) {
            // user changes go to the station's audit trail like those made on screen (closing writes them)
            Accounts accounts = new Accounts(store, PasswordHasher.standard(), trail, InstantSource.system());
            return switch (action) {
                case "list" -> list(store);
                case "add" -> add(accounts);
                default -> {
                    err.println("vigil users: unknown action '" + action + "' (add or list)");
                    yield 2;
                }
            };
        } catch (StorageException e) {
            err.println("vigil users: " + e.getMessage());
            return 1;
        }
    }

    private int list(AccountStore store) {
        out.println("login,name,role,enabled,locked_until");
        for (AccountRow a : store.all()) {
            out.println(String.join(",", Csv.field(a.login()), Csv.field(a.name()),
                    a.role().name().toLowerCase(Locale.ROOT), a.enabled() ? "yes" : "no",
                    a.lockedUntil() == null ? "" : a.lockedUntil().toString()));
        }
        return 0;
    }

    private int add(Accounts accounts) {
        Role r;
        try {
            r = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("vigil users: unknown role '" + role + "' (nurse, admin, prescriber or auditor)");
            return 2;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String secret;
        String adminSecret;
        try {
            secret = lines.readLine();
            adminSecret = as == null ? null : lines.readLine();
        } catch (IOException e) {
            err.println("vigil users: cannot read standard input: " + e.getMessage());
            return 1;
        }
        if (secret == null || secret.isEmpty()) {
            err.println("vigil users: give the new user's " + (pinOnly ? "PIN" : "password") + " on standard input");
            return 2;
        }
        String password = pinOnly ? null : secret;
        String pin = pinOnly ? secret : null;
        AccountResult result;
        if (accounts.firstRun()) {
            if (r != Role.ADMIN) {
                err.println("vigil users: the first account must be an admin (--role admin)");
                return 2;
            }
            result = accounts.createFirstAdmin(login, name, password, pin);
        } else {
            if (as == null) {
                err.println("vigil users: accounts exist: add users as an admin (--as ADMIN, their password or PIN on"
                        + " the second line of standard input)");
                return 2;
            }
            LoginResult admin = accounts.logIn(as, adminSecret);
            if (!admin.ok()) {
                err.println("vigil users: " + admin.refusal());
                return 1;
            }
            Actor by = admin.actor();
            result = accounts.add(by, login, name, r, password, pin);
        }
        (result.done() ? out : err).println((result.done() ? "" : "vigil users: ") + result.message());
        return result.done() ? 0 : 1;
    }
}
