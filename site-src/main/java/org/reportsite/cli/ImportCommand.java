package org.reportsite.cli;

import org.reportsite.content.WorkbookImport;
import org.reportsite.content.WorkbookReader;
import org.reportsite.model.Findings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write the tables of an Excel workbook (.xlsx, one table per sheet, laid out as docs/content-format.md describes)",
                "as the JSON files of data/, for teams that keep their tables as text. The workbook is read and checked as a build reads it;",
                "nothing is written when it has an error, and no file is replaced without --force."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKBOOK", description = "The workbook to import.")
    Path workbook;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the JSON files to, e.g. content/data.")
    Path out;

    @Option(names = "--force", description = "Replace JSON files that already exist.")
    boolean force;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        String shown = workbook.getFileName() == null ? workbook.toString() : workbook.getFileName().toString();
        if (!Files.isRegularFile(workbook)) {
            err.println("report-site import: " + workbook + " is not a file");
            err.flush();
            return 2;
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
            err.println("report-site import: --out " + out + " is not a folder");
            err.flush();
            return 2;
        }
        Findings findings = new Findings();
        List<WorkbookImport.Table> tables = List.of();
        if (Files.size(workbook) > WorkbookReader.MAX_FILE_BYTES) {
            findings.error("workbook.too-large", org.reportsite.model.Location.of(shown), "the workbook is " + Files.size(workbook) / (1024 * 1024)
                    + " MB, over the limit of " + WorkbookReader.MAX_FILE_BYTES / (1024 * 1024) + " MB", "Keep the tables of the report in the workbook.");
        } else {
            tables = WorkbookImport.read(Files.readAllBytes(workbook), shown, findings);
        }
        if (findings.hasErrors()) {
            Reporter.text(err, findings.list());
            err.println("Nothing was written: fix the errors above first.");
            err.flush();
            return 1;
        }
        if (tables.isEmpty()) {
            err.println("report-site import: " + shown + " has no table sheet; nothing was written.");
            err.flush();
            return 1;
        }
        List<String> existing = new ArrayList<>();
        for (WorkbookImport.Table t : tables) if (Files.exists(out.resolve(t.id() + ".json"), LinkOption.NOFOLLOW_LINKS)) existing.add(t.id() + ".json");
        if (!existing.isEmpty() && !force) {
            err.println("report-site import: " + String.join(", ", existing) + " already " + (existing.size() == 1 ? "exists" : "exist") + " in " + out
                    + "; nothing was written. Pass --force to replace " + (existing.size() == 1 ? "it" : "them") + ".");
            err.flush();
            return 1;
        }
        Files.createDirectories(out);
        for (WorkbookImport.Table t : tables) {
            write(out.resolve(t.id() + ".json"), t.json());
            o.println(out.resolve(t.id() + ".json") + "  ← sheet \"" + t.sheet() + "\"");
        }
        o.println("Wrote " + tables.size() + " table(s).");
        Path parent = workbook.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.equals(out.toAbsolutePath().normalize())) {
            o.println("The workbook is in the same folder: move it out of " + out + " now, or its tables are defined twice.");
        }
        o.flush();
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".import");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
