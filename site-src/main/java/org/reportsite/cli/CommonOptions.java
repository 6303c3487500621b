package org.reportsite.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands. */
final class CommonOptions {
    @Option(names = "--content", paramLabel = "DIR", description = "Content folder (default: ${DEFAULT-VALUE}).", defaultValue = "content")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", description = "Thymeleaf templates (default: ${DEFAULT-VALUE}).", defaultValue = "templates")
    Path templates;

    @Option(names = "--static", paramLabel = "DIR", description = "Static files copied as is (default: ${DEFAULT-VALUE}).", defaultValue = "static")
    Path staticDir;

    @Option(names = "--strict", description = "A figure of the prose that cannot be bound to the dataset is an error, not a warning.")
    boolean strict;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only findings and the summary.")
    boolean quiet;
}
