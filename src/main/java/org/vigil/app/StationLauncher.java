package org.vigil.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.vigil.config.ClinicLimitsFile;
import org.vigil.config.ConfigException;
import org.vigil.config.ConfigLoader;
import org.vigil.config.ResolvedConfig;
import org.vigil.config.StationConfig;
import org.vigil.chair.ChairFeed;
import org.vigil.ui.StationStage;

/** Opens the station window on a running {@link Station}; closing the window ends the sessions. */
final class StationLauncher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StationLauncher.class);

    private final StationOptions options;
    private final PrintStream out;
    private final PrintStream err;

    private final Map<String, String> env;
    private final Runnable toolkit;

    StationLauncher(StationOptions options, PrintStream out, PrintStream err) {
        this(options, out, err, System.getenv(), StationStage::startToolkit);
    }

    /**
     * @param env     the environment (DISPLAY, WAYLAND_DISPLAY)
     * @param toolkit starts the window toolkit, throwing when it cannot
     */
    StationLauncher(StationOptions options, PrintStream out, PrintStream err, Map<String, String> env, Runnable toolkit) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.env = env;
        this.toolkit = toolkit;
    }

    int run() {
        String noDisplay = noDisplayReason(System.getProperty("os.name", ""), env);
        if (noDisplay != null) {
            err.println("vigil: cannot open the station window: " + noDisplay
                    + " (use 'vigil record' to monitor without a screen)");
            return 2;
        }
        PrintWriter errWriter = new PrintWriter(err, true);
        StationConfig cfg;
        try {
            cfg = configure(options, errWriter);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        StartOptions start;
        try {
            start = options.startOptions((chair, e) -> { });
        } catch (IllegalArgumentException e) {
            err.println("vigil: " + e.getMessage());
            return 2;
        }
        // The toolkit first: a machine that cannot show the window writes no session.
        try {
            toolkit.run();
        } catch (RuntimeException | Error e) {
            log.debug("the window toolkit did not start", e); // the stack trace, for the log file
            err.println(WindowToolkit.explain(e));
            return WindowToolkit.EXIT_NO_WINDOW;
        }
        Station station;
        try {
            station = Station.start(cfg, InstantSource.system(), true, start);
        } catch (Exception e) {
            err.println("vigil: cannot start the station: " + (e.getMessage() == null ? e : e.getMessage()));
            StationStage.stopToolkit();
            return 1;
        }
        // A window manager's kill or Ctrl-C in the terminal still ends the sessions cleanly.
        Thread hook = new Thread(station::close, "vigil-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<ChairFeed> feeds = List.copyOf(station.chairs());
            org.vigil.ui.SessionContext sessions = org.vigil.ui.SessionContext.of(
                    new StationPatients(station::patients), cfg.sessionRules())
                    .withExports(new StationExports(station, cfg.dataDir().resolve("exports"), station.audit()));
            org.vigil.ui.review.ReviewContext review = org.vigil.ui.review.ReviewContext.of(station::archive,
                    station.audit(), () -> org.vigil.domain.Actor.SYSTEM, InstantSource.system(),
                    java.time.ZoneId.systemDefault());
            StationStage.showAndWait(feeds, station.stationAlarms(), station.admin(), sessions, review,
                    new AuditTrailScreenSource(station.auditReader()),
                    new StationSignIn(station::accounts, station.audit(), InstantSource.system()), cfg.autoLock(),
                    "Vigil " + VersionInfo.version(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            err.println("vigil: the station window failed: " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        } finally {
            station.close();
        }
        List<org.vigil.storage.StationStore.Outcome> outcomes = station.recordingOutcomes();
        if (!outcomes.isEmpty() && outcomes.stream().allMatch(org.vigil.storage.StationStore.Outcome::saved)) {
            out.println("vigil: session saved to " + cfg.database());
            return 0;
        }
        for (org.vigil.storage.StationStore.Outcome o : outcomes) {
            err.println("vigil: " + o.describe());
        }
        err.println("vigil: the recording in " + cfg.database() + " is NOT complete");
        return 1;
    }

    /** Resolves the configuration with command-line overrides and says which one is used. */
    static StationConfig configure(StationOptions options, PrintWriter err) throws ConfigException {
        ResolvedConfig resolved = ConfigLoader.forCurrentUser().resolve(options.config);
        StationConfig cfg = resolved.config();
        if (options.dataDir != null) {
            cfg = cfg.withDataDir(options.dataDir);
        }
        if (options.database != null) {
            cfg = cfg.withDatabase(options.database);
        }
        ClinicLimitsFile clinic = ClinicLimitsFile.in(cfg.dataDir());
        cfg = ClinicLimitsFile.applyTo(cfg);
        err.println("vigil: " + resolved.describe());
        try {
            LogFiles.startIn(cfg.dataDir()).ifPresent(f -> err.println("vigil: log file: " + f));
        } catch (java.io.IOException | RuntimeException e) {
            err.println("vigil: cannot write the log file in " + cfg.dataDir() + ": " + e.getMessage()
                    + " (logging to the console only)");
        }
        if (clinic.exists()) {
            err.println("vigil: clinic alarm defaults: " + clinic.path());
        }

        err.flush();
        return cfg;
    }

    /** Why no window can be opened here, or null when a display is available. */
    static String noDisplayReason() {
        return noDisplayReason(System.getProperty("os.name", ""), System.getenv());
    }

    static String noDisplayReason(String osName, java.util.Map<String, String> env) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return null;
        }
        if (isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return "no display (DISPLAY is not set)";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
