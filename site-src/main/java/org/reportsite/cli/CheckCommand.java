package org.reportsite.cli;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        boolean json = format == Format.json;
        SiteBuild.Result r = SiteBuild.run(new SiteBuild.Options(common.content, common.templates, common.staticDir, null, false,
                json || common.quiet ? null : line -> { o.println(line); o.flush(); }));
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
}
