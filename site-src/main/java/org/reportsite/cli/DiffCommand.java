package org.reportsite.cli;

import org.reportsite.diff.ContentSource;
import org.reportsite.diff.DiffJson;
import org.reportsite.diff.DiffMarkdown;
import org.reportsite.diff.ReportDiff;
import org.reportsite.diff.Snapshot;
import org.reportsite.diff.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Report what changed between two versions of the content: figures (old → new, as published), "
                + "narrative pages (unified diff), pages and tables added or removed, and check findings that appeared or disappeared.",
                "OLD and NEW are content folders or git revisions (REV, or REV:PATH when the content is not in content/).",
                "Exit 0 when the report was made (whatever changed), 1 when a side's content does not load, 2 on usage errors."})
final class DiffCommand implements Callable<Integer> {
    enum Format { markdown, json }

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier version: a content folder or a git revision.")
    String older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later version: a content folder or a git revision.")
    String newer;

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown or json (default: ${DEFAULT-VALUE}).", defaultValue = "markdown")
    Format format;

    @Option(names = "--repo", paramLabel = "DIR", description = "The git repository revisions are read from (default: the current folder).",
            defaultValue = ".")
    Path repo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ContentSource a = ContentSource.resolve(older, repo); ContentSource b = ContentSource.resolve(newer, repo)) {
            Snapshot sa = Snapshot.load(a), sb = Snapshot.load(b);
            boolean failed = false;
            for (Snapshot s : new Snapshot[] {sa, sb}) {
                if (s.loaded()) continue;
                failed = true;
                err.println("The content of " + s.source().label() + " does not load:");
                Reporter.text(err, s.loadErrors());
                err.println();
            }
            if (failed) {
                err.println("No change report: fix the errors above (run ./report-site check on that content).");
                err.flush();
                return 1;
            }
            ReportDiff d = ReportDiff.compare(sa, sb);
            out.print(format == Format.json ? DiffJson.render(d) : DiffMarkdown.render(d));
            out.flush();
            return 0;
        } catch (SourceException e) {
            if (e.usage()) throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            err.println("report-site diff: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
