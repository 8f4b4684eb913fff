package dev.kexwatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The database-free command line: {@code kexwatch scan ...}. {@code dev.kexwatch.Main} hands over here
 * without starting Quarkus. To add a subcommand, add its class to {@link #SUBCOMMANDS} below.
 */
@Command(name = "kexwatch", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Fleet-wide SSH algorithm compliance scanner (command-line mode, no database).")
public final class Cli {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ScanCommand.class, NegotiateCommand.class,
            ListenCommand.class, PolicyCommand.class, CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class);

    /**
     * Picocli reflects over every option of every subcommand it is given, a third of its start: a command line that
     * starts with one of these names gets only that subcommand. Help, completion and mistakes get them all.
     */
    private static final Map<String, Class<?>> ALONE = Map.of("scan", ScanCommand.class, "negotiate",
            NegotiateCommand.class, "listen", ListenCommand.class, "policy", PolicyCommand.class);

    /** Exit code for a command line that cannot be run (bad option, unreadable policy or target file). */
    public static final int USAGE = 64;

    /** Exit code for a bug (sysexits' EX_SOFTWARE): never 64, which would blame the user for our mistake. */
    public static final int INTERNAL_ERROR = 70;

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
        quietMina();
        CommandLine commandLine = commandLine(terminal, out, err, args.length > 0 ? ALONE.get(args[0]) : null);
        setExitCodes(commandLine);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every subcommand, its writers, colours and error handling; exit codes set by the caller. */
    static CommandLine commandLine(Terminal terminal, PrintWriter out, PrintWriter err) {
        return commandLine(terminal, out, err, null);
    }

    private static CommandLine commandLine(Terminal terminal, PrintWriter out, PrintWriter err, Class<?> alone) {
        CommandLine commandLine = new CommandLine(new Cli(terminal));
        for (Class<?> subcommand : alone == null ? SUBCOMMANDS : List.of(alone)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(out).setErr(err);
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

    /**
     * MINA logs every hostile server's exception as a warning; the CLI reports outcomes instead. The launcher
     * silences MINA at the source (slf4j's no-op provider, no log manager started: ~70 ms of every run); under
     * {@code java -jar} or in tests, the log manager in place is told to drop MINA's warnings.
     */
    private static void quietMina() {
        if (System.getProperty("slf4j.provider") == null) {
            MinaLog.LOGGER.setLevel(Level.SEVERE);
        }
    }

    /** Held so the level set above is not lost when the logger is garbage-collected; loaded only when needed. */
    private static final class MinaLog {

        static final Logger LOGGER = Logger.getLogger("org.apache.sshd");
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
