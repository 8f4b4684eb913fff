package dev.kexwatch.cli;

import picocli.CommandLine.Command;

/** {@code kexwatch policy ...}: commands that write policies rather than judge hosts. */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Write policies (see policies/README.md for the language).",
        subcommands = {PolicyFromHostCommand.class})
final class PolicyCommand {
}
