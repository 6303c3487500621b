package org.reportsite.cli;

import org.reportsite.model.Reserved;
import org.reportsite.site.SiteBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site. The previous output is replaced only when the whole build succeeds.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "generated-site")
    Path out;

    @Option(names = "--zip", description = "Also write the offline edition: the whole site as one zip in its downloads/ folder, linked from every page.")
    boolean zip;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SiteBuild.Result r = SiteBuild.run(new SiteBuild.Options(common.content, common.templates, common.staticDir, out, true,
                common.quiet ? null : line -> { o.println(line); o.flush(); }, zip, common.strict));
        Reporter.text(err, r.findings());
        if (!r.ok()) {
            err.printf("%nBuild failed: %d error(s), %d warning(s). The previous %s was left as it was.%n", r.errors(), r.warnings(), out);
            err.flush();
            return 1;
        }
        o.printf("Built %d pages, %d tables, %d notes; %d warning(s); %d ms → %s%n", r.pages() + r.generated(), r.tables(), r.notes(), r.warnings(), r.millis(), out);
        o.flush();
        return 0;
    }
}
