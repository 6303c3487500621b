package org.reportsite.testkit;

import org.reportsite.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line run in process, as a user would run it, with what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli build(Path content, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString(),
                "--templates", Builds.TEMPLATES.toString(), "--static", Builds.STATIC.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    public static Cli check(Path content, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--content", content.toString(), "--templates", Builds.TEMPLATES.toString(),
                "--static", Builds.STATIC.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    public static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Everything printed, standard output first. */
    public String all() { return out + err; }
}
