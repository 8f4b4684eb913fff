package dev.kexwatch;

import dev.kexwatch.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Set;

/**
 * One jar, two modes: {@code java -jar quarkus-run.jar scan|negotiate|listen ...} runs the database-free command
 * line and exits; anything else starts the service.
 */
@QuarkusMain
public class Main {

    private static final Set<String> COMMANDS = Set.of("scan", "negotiate", "listen", "help", "--help", "-h", "--version", "-V",
            "generate-completion");

    public static void main(String... args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            // No Quarkus start: the command line needs neither the database nor the HTTP server.
            System.exit(Cli.run(args));
        }
        Quarkus.run(args);
    }
}
