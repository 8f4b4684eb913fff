package dev.kexwatch.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The database-free command line: {@code kexwatch scan ...}. {@code dev.kexwatch.Main} hands over here
 * without starting Quarkus. To add a subcommand, add its class to {@code subcommands} below.
 */
@Command(name = "kexwatch", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Fleet-wide SSH algorithm compliance scanner (command-line mode, no database).",
        subcommands = {ScanCommand.class, NegotiateCommand.class, ListenCommand.class, PolicyCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class})
public final class Cli {

    /** Exit code for a command line that cannot be run (bad option, unreadable policy or target file). */
    public static final int USAGE = 64;

    /** Exit code for a bug (sysexits' EX_SOFTWARE): never 64, which would blame the user for our mistake. */
    public static final int INTERNAL_ERROR = 70;

    /** Held so the level set below is not lost when the logger is garbage-collected. */
    private static final Logger MINA_LOG = Logger.getLogger("org.apache.sshd");

    private final Terminal terminal;

    private Cli(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs a command line and returns the exit code, printing to standard output and error. */
    public static int run(String... args) {
        return run(Terminal.detect(System.getenv()), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output and error writers, which are not a terminal (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Terminal.NONE, out, err, args);
    }

    static int run(Terminal terminal, PrintWriter out, PrintWriter err, String... args) {
        // MINA logs every hostile server's exception as a warning; the CLI reports outcomes instead.
        MINA_LOG.setLevel(Level.SEVERE);
        CommandLine commandLine = commandLine(terminal, out, err);
        setExitCodes(commandLine);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with its writers, colours and error handling; exit codes are set by the caller. */
    static CommandLine commandLine(Terminal terminal, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Cli(terminal)).setOut(out).setErr(err);
        // Picocli's usage-error code 2 would read as "warnings" in ssh-audit's scheme.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour()
                ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE
                : INTERNAL_ERROR);
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("kexwatch: internal error (a bug, please report it with this trace):");
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return commandLine;
    }

    /** The mistake and where help is, not picocli's whole help page: the message stays visible in a CI log. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(line.getCommandSpec().qualifiedName() + ": " + Text.safe(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    Terminal terminal() {
        return terminal;
    }

    /** 64 for the user's mistakes, 70 for ours, on every subcommand (call after the last one is added). */
    static void setExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE).exitCodeOnExecutionException(INTERNAL_ERROR);
        commandLine.getSubcommands().values().forEach(Cli::setExitCodes);
    }
}
