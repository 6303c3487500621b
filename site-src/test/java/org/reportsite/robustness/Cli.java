package org.reportsite.robustness;

import org.reportsite.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in process, as a user would, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli build(Path content, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString(),
                "--templates", "templates", "--static", "static"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Cli check(Path content, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--content", content.toString(), "--templates", "templates", "--static", "static"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    String all() { return out + err; }
}
