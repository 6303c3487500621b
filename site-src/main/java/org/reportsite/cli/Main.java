package org.reportsite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code report-site}: build, check (and preview) a financial report site. Exit 0 ok, 1 content errors, 2 usage. */
@Command(name = "report-site", mixinStandardHelpOptions = true, version = "report-site 0.1.0",
        description = "Turns a financial report (dataset + Markdown narrative) into a cross-linked static website.")
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("new", NewCommand::new);
        COMMANDS.put("build", BuildCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("bind", BindCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("import", ImportCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

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
        CommandLine cl = commandLine(args);
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

    /**
     * The command line for {@code args}: with only the subcommand they start with, when that is one (picocli reads each
     * command's options by reflection when it is added: some 40 ms of processor time at start-up for the others, which a run
     * does not use); otherwise, for the help, the version and mistakes, with every subcommand.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.containsKey(first) && !first.equals("help");
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) cl.addSubcommand(name, command.get());
        });
        return cl;
    }

    @Override
    public void run() {
        List<String> names = COMMANDS.keySet().stream().filter(n -> !n.equals("help")).toList();
        String use = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use " + use + " (see --help).");
    }
}
