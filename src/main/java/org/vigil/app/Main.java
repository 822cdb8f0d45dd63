package org.vigil.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code vigil} command. With no sub-command it opens the station window; the
 * sub-commands decode captures, run simulators, record without a screen, replay scenarios on
 * simulated time and measure performance. This class does not extend
 * {@code javafx.application.Application}, so the fat jar starts on a plain JDK.
 */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {
            "Vigil vitals monitoring station for IV ketamine infusion chairs.",
            "With no command, opens the station window. Without a configuration file it starts two",
            "built-in simulated devices on pseudo-terminals (banner: SIMULATED DEVICES)."},
        subcommands = {
            DecodeCommand.class,
            SimCommand.class,
            RecordCommand.class,
            ScenarioCommand.class,
            BenchCommand.class,
            FuzzCommand.class,
            UsersCommand.class,
            ExportCommand.class,
            VerifyAuditCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  java -jar vigil.jar                          open the station (built-in simulated devices)",
            "  java -jar vigil.jar --config clinic.yaml     open the station on the configured chairs",
            "  java -jar vigil.jar decode --protocol masimo rad8.txt",
            "  java -jar vigil.jar record --duration 30s",
            "  java -jar vigil.jar export --db vigil.db --session last --format pdf --out report.pdf",
            "  java -jar vigil.jar verify-audit --db vigil.db",
            "  java -jar vigil.jar help sim"})
public final class Main implements Callable<Integer> {

    @Mixin
    StationOptions options = new StationOptions();

    @Override
    public Integer call() {
        return new StationLauncher(options, System.out, System.err).run();
    }

    public static void main(String[] args) {
        LogFiles.bridgeJavaUtilLogging();
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The command line with every sub-command, shared by main and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getCommandName() + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl;
    }
}
