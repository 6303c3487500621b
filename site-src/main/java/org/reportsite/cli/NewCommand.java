package org.reportsite.cli;

import org.reportsite.model.Printable;
import org.reportsite.model.Unit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a small, complete starter report into a new folder: report.json, an income statement and a balance sheet,",
                "a note with a sub-note, a review page whose figures are bound to the dataset, a glossary and checks.",
                "It checks and builds with no error and no warning; replace its figures and words with your report's own."})
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (it must not exist, or be empty).")
    Path dir;

    @Option(names = "--issuer", paramLabel = "NAME", description = "The company's name (default: ${DEFAULT-VALUE}).",
            defaultValue = "Example Holdings Limited")
    String issuer;

    @Option(names = "--period", paramLabel = "YYYY-MM-DD", description = "The last day of the reporting period "
            + "(default: the last 30 June or 31 December before today).")
    String period;

    @Option(names = "--months", paramLabel = "N", description = "How long the period is: 6 (interim, the default), 12 (annual), 3 or 9.",
            defaultValue = "6")
    int months;

    @Option(names = "--currency", paramLabel = "CODE", description = "The currency of the figures, an ISO 4217 code such as HKD, USD, EUR, GBP, "
            + "CNY, SGD, JPY or CHF, or a symbol such as HK$, US$, RMB, € (default: ${DEFAULT-VALUE}).", defaultValue = "USD")
    String currency;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Starter starter = new Starter(issuer(), end(), months(), currency());
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            String problem = !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? "is not a folder" : notEmpty(dir) ? "is not empty" : null;
            if (problem != null) {
                err.println("report-site new: " + Printable.escape(dir.toString()) + " " + problem
                        + "; new writes only into a new or empty folder, so that nothing is overwritten. Name a new folder.");
                err.flush();
                return 1;
            }
        }
        Map<String, byte[]> files = starter.files();
        write(files);
        o.printf("Created a starter report for %s in %s (%d files).%n", Printable.escape(issuer), dir, files.size());
        o.printf("Next:%n  report-site check --content %s%n  report-site serve --content %s --out %s%n", dir, dir, siteFolder());
        o.println("Then replace its figures and words with your report's own; see docs/your-first-report.md.");
        o.flush();
        return 0;
    }

    /** Where the starter's guide suggests the site goes: beside the content folder, never inside it. */
    private Path siteFolder() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return dir.resolveSibling((name == null ? "report" : name.toString()) + "-site");
    }

    private static boolean notEmpty(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.findAny().isPresent();
        }
    }

    /** Writes every file into a temporary folder beside DIR, then moves it into place: DIR is whole or absent. */
    private void write(Map<String, byte[]> files) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".new-");
        try {
            for (var e : files.entrySet()) {
                Path p = tmp.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) Files.delete(target); // empty, checked above
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    private String issuer() {
        String s = issuer == null ? "" : issuer.strip();
        if (s.isEmpty() || s.codePoints().anyMatch(Character::isISOControl)) {
            throw usage("--issuer must be the company's name, e.g. --issuer \"Harbourline Logistics Holdings Limited\"");
        }
        return s;
    }

    private int months() {
        if (months != 3 && months != 6 && months != 9 && months != 12) {
            throw usage("--months must be 3, 6, 9 or 12 (found " + months + "): 6 for an interim report, 12 for an annual one");
        }
        return months;
    }

    private LocalDate end() {
        if (period == null) {
            LocalDate today = LocalDate.now();
            LocalDate june = LocalDate.of(today.getYear(), 6, 30);
            return months == 12 || !today.isAfter(june) ? LocalDate.of(today.getYear() - 1, 12, 31) : june;
        }
        try {
            return LocalDate.parse(period.strip());
        } catch (DateTimeParseException e) {
            throw usage("--period must be the last day of the period written YYYY-MM-DD, e.g. --period 2025-06-30 (found \""
                    + Printable.escape(period) + "\")");
        }
    }

    private String currency() {
        String c = currency == null ? "" : currency.strip();
        // "$" alone names no currency (US, Hong Kong, Singapore ...?); codes are read in any case
        String code = c.equals("$") ? null : Unit.currencyCode(c);
        if (code == null && !c.equals("$")) code = Unit.currencyCode(c.toUpperCase(java.util.Locale.ROOT));
        if (code == null) {
            throw usage("--currency must be an ISO 4217 code such as HKD, USD, EUR, GBP, CNY, SGD, JPY or CHF, or a symbol such as HK$, US$, RMB "
                    + "(found \"" + Printable.escape(c) + "\")");
        }
        return code;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
