package org.reportsite.cli;

import org.reportsite.serve.Preview;
import org.reportsite.site.SiteBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site, serve it on 127.0.0.1 and rebuild on every change of the content, templates or static files.",
                "Open pages reload when a rebuild changed them; a failed rebuild shows its errors in the page and keeps the last good site."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder, rebuilt in place (default: ${DEFAULT-VALUE}).", defaultValue = "generated-site")
    Path out;

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1; 0 takes a free one (default: ${DEFAULT-VALUE}).", defaultValue = "8000")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SiteBuild.Options options = new SiteBuild.Options(common.content, common.templates, common.staticDir, out, true, null);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Preview preview = Preview.start(options, port, outcome -> {
            if (outcome.ok()) {
                o.printf("build %d: %d page(s) rendered, %d file(s) changed, %d ms%n", outcome.build(), outcome.rendered().size(),
                        outcome.changed().size(), outcome.millis());
                o.flush();
            } else {
                Reporter.text(err, outcome.findings());
                err.printf("Build failed (%d ms); still serving the last good site.%n", outcome.millis());
                err.flush();
            }
        })) {
            List<Path> watched = new ArrayList<>(List.of(options.content()));
            if (options.templatesFolder() != null) watched.add(options.templatesFolder());
            if (options.staticFolder() != null) watched.add(options.staticFolder());
            o.printf("Serving %s on http://127.0.0.1:%d/ — watching %s. Ctrl+C stops.%n", out, preview.address().getPort(),
                    String.join(", ", watched.stream().map(Path::toString).toList()));
            o.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
