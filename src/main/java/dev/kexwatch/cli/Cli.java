package dev.kexwatch.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The database-free command line: {@code kexwatch scan ...}. {@code dev.kexwatch.Main} hands over here
 * without starting Quarkus. To add a subcommand, add its class to {@code subcommands} below.
 */
@Command(name = "kexwatch", mixinStandardHelpOptions = true, version = "kexwatch 0.1.0",
        description = "Fleet-wide SSH algorithm compliance scanner (command-line mode, no database).",
        subcommands = {ScanCommand.class, NegotiateCommand.class, CommandLine.HelpCommand.class})
public final class Cli {

    /** Exit code for a command line that cannot be run (bad option, unreadable policy or target file). */
    public static final int USAGE = 64;

    /** Held so the level set below is not lost when the logger is garbage-collected. */
    private static final Logger MINA_LOG = Logger.getLogger("org.apache.sshd");

    private Cli() {
    }

    /** Runs a command line and returns the exit code, printing to standard output and error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output and error writers (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // MINA logs every hostile server's exception as a warning; the CLI reports outcomes instead.
        MINA_LOG.setLevel(Level.SEVERE);
        CommandLine commandLine = new CommandLine(new Cli()).setOut(out).setErr(err);
        // Picocli's usage-error code 2 would read as "warnings" in ssh-audit's scheme.
        commandLine.setExitCodeExceptionMapper(e -> USAGE);
        setUsageExitCode(commandLine);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static void setUsageExitCode(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE).exitCodeOnExecutionException(USAGE);
        commandLine.getSubcommands().values().forEach(Cli::setUsageExitCode);
    }
}
