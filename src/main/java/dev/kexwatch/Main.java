package dev.kexwatch;

import dev.kexwatch.cli.Cli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One jar, two modes: {@code java -jar quarkus-run.jar scan|negotiate|listen ...} runs the database-free command
 * line and exits; anything else starts the service.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        // The service takes no arguments: any argument is the command line, so a mistyped subcommand gets picocli's
        // "Did you mean" instead of a service start that fails for want of a database.
        if (args.length > 0) {
            // No Quarkus start: the command line needs neither the database nor the HTTP server.
            System.exit(Cli.run(args));
        }
        Quarkus.run(args);
    }
}
