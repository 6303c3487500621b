package org.reportsite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code report-site}: build, check (and preview) a financial report site. Exit 0 ok, 1 content errors, 2 usage. */
@Command(name = "report-site", mixinStandardHelpOptions = true, version = "report-site 0.1.0",
        description = "Turns a financial report (dataset + Markdown narrative) into a cross-linked static website.",
        subcommands = {BuildCommand.class, CheckCommand.class, DiffCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug");
            cmd.getErr().println("report-site: internal error: " + ex);
            if (debug) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("Run again with --debug for the stack trace, and please report it.");
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use build, check or diff (see --help).");
    }
}
