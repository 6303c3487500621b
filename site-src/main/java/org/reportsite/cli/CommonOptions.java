package org.reportsite.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands. */
final class CommonOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Thymeleaf templates that replace the built-in ones file by file "
            + "(default: a templates folder beside the content folder, if there is one).")
    Path templates;

    @Option(names = "--static", paramLabel = "DIR", description = "Static files (CSS, JavaScript, images) that replace or add to the built-in ones "
            + "file by file (default: a static folder beside the content folder, if there is one).")
    Path staticDir;

    @Option(names = "--strict", description = "A figure of the prose that cannot be bound to the dataset is an error, not a warning.")
    boolean strict;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only findings and the summary.")
    boolean quiet;
}
