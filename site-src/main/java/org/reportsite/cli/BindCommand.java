package org.reportsite.cli;

import org.reportsite.bind.Binder;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Index;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bind", mixinStandardHelpOptions = true,
        description = {"Write the plain amounts of the prose as {{fact:...}} directives where the check resolves each to one line item,",
                "so that the text reads the same and can no longer drift from the dataset. Everything else is left as written."})
final class BindCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--dry-run", description = "Show what would be bound without changing any file.")
    boolean dryRun;

    @Parameters(paramLabel = "PAGE", arity = "0..*", description = "Pages to bind (ids such as mdna/results); default: every page.")
    List<String> pages = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Findings findings = new Findings();
        Report report = ContentLoader.load(common.content, findings);
        if (report == null || findings.hasErrors()) {
            Reporter.text(err, findings.list());
            err.println("Nothing was bound: fix the errors above first (report-site check lists them all).");
            err.flush();
            return 1;
        }
        Index index = new Index(report);
        List<Page> chosen = new ArrayList<>();
        for (String id : pages) {
            String clean = id.replaceAll("\\.(md|html)$", "").replaceFirst("^narrative/", "");
            Page p = report.page(clean).orElse(null);
            if (p == null) {
                err.println("report-site bind: there is no page \"" + clean + "\"" + Spelling.suggestion(clean, report.pages().stream().map(Page::id).toList())
                        + "; pages are named by their path under narrative/ without .md.");
                err.flush();
                return 2;
            }
            chosen.add(p);
        }
        if (chosen.isEmpty()) chosen.addAll(index.orderedPages());
        int bound = 0, left = 0, files = 0;
        for (Page p : chosen) {
            Binder.Result r = Binder.bind(report, index, p);
            for (Binder.Outcome out : r.outcomes()) {
                String at = p.location().file() + ":" + out.proposal().line() + ":" + out.proposal().column();
                if (out.bound()) {
                    bound++;
                    o.println(at + "  " + out.proposal().figure() + "  →  " + out.proposal().figure().replace(out.proposal().number(), out.directive()));
                } else {
                    left++;
                    o.println(at + "  " + out.proposal().figure() + "  left as written: " + out.reason());
                }
            }
            if (r.changed() && !dryRun) {
                write(common.content.resolve(p.location().file()), p, r.body());
                files++;
            }
        }
        o.printf("%n%s %d figure(s)%s; %d left as written.%n", dryRun ? "Would bind" : "Bound", bound,
                dryRun ? "" : " in " + files + " file(s)", left);
        o.flush();
        return 0;
    }

    /** Replaces the page's body in its file (the front matter stays byte for byte), all at once. */
    private static void write(Path file, Page page, String body) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        for (int line = 1; line < page.bodyLine(); line++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) throw new IOException(file + " changed while binding; run bind again");
            start = nl + 1;
        }
        if (!text.substring(start).equals(page.markdown())) throw new IOException(file + " changed while binding; run bind again");
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".bind");
        Files.writeString(tmp, text.substring(0, start) + body, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
