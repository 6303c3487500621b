package org.reportsite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code report-site}: build, check (and preview) a financial report site. Exit 0 ok, 1 content errors, 2 usage. */
@Command(name = "report-site", mixinStandardHelpOptions = true, version = "report-site 0.1.0",
        description = "Turns a financial report (dataset + Markdown narrative) into a cross-linked static website.",
        subcommands = {BuildCommand.class, CheckCommand.class, BindCommand.class, ServeCommand.class, DiffCommand.class, ImportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** As {@link #execute(String...)}, printing to the given writers instead of stdout and stderr (null: the default). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        if (out != null) cl.setOut(out);
        if (err != null) cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // --debug belongs to the subcommand: ask the innermost parse result, not the top-level one
            CommandLine.ParseResult pr = parsed;
            while (pr.hasSubcommand()) pr = pr.subcommand();
            boolean debug = pr.hasMatchedOption("--debug");
            cmd.getErr().println("report-site: internal error: " + org.reportsite.model.Printable.escape(String.valueOf(ex)));
            if (debug) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("Run again with --debug for the stack trace, and please report it.");
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use build, check, bind, serve, diff or import (see --help).");
    }
}
