package org.reportsite.cli;

import org.reportsite.check.ProseExplain;
import org.reportsite.content.ContentLoader;
import org.reportsite.model.Findings;
import org.reportsite.model.Page;
import org.reportsite.model.Report;
import org.reportsite.model.Spelling;

import org.reportsite.check.CheckResult;
import org.reportsite.site.SiteBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load and check the content without writing anything; list every finding.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--explain", paramLabel = "PAGE", description = "Show how every figure of a page (its id, e.g. mdna/results) was read: "
            + "the line item and period its words name, what it was compared with, and the verdict.")
    String explain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (explain != null) return explain(o);
        boolean json = format == Format.json;
        SiteBuild.Result r = SiteBuild.run(new SiteBuild.Options(common.content, common.templates, common.staticDir, null, false,
                json || common.quiet ? null : line -> { o.println(line); o.flush(); }, false, common.strict));
        if (json) {
            o.println(Reporter.json(r));
        } else {
            Reporter.text(o, r.findings());
            CheckResult c = r.checks();
            Reporter.checkSummary(o, c);
            o.printf("%n%d error(s), %d warning(s)%s.%n", r.errors(), r.warnings(),
                    c == null ? "" : String.format("; %d checks run: %d passed, %d acknowledged, %d failed", c.performed().size(),
                            c.count(CheckResult.Status.PASSED), c.count(CheckResult.Status.ACKNOWLEDGED), c.count(CheckResult.Status.FAILED)));
        }
        o.flush();
        return r.ok() ? 0 : 1;
    }

    private int explain(PrintWriter o) {
        Findings findings = new Findings();
        Report report = ContentLoader.load(common.content, findings);
        String id = explain.replaceAll("\\.(md|html)$", "").replaceFirst("^narrative/", "");
        Page page = report == null ? null : report.page(id).orElse(null);
        if (page == null) {
            Reporter.text(spec.commandLine().getErr(), findings.list());
            spec.commandLine().getErr().println("There is no page \"" + id + "\"" + (report == null ? "" : Spelling.suggestion(id,
                    report.pages().stream().map(Page::id).toList())) + ". Pages are named by their path under narrative/ without .md.");
            spec.commandLine().getErr().flush();
            return 1;
        }
        for (String line : ProseExplain.lines(report, page)) o.println(line);
        o.flush();
        return 0;
    }
}
