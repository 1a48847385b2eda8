package dev.appservices.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results of a run as AsciiDoc (sections, paragraphs and tables), printed as they come and written to a file at
 * the end, ready to be read or pasted into {@code docs/benchmarks.adoc}. Not thread-safe: benchmarks run one at a
 * time.
 */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void section(String title) {
        append("\n=== " + title + "\n");
    }

    void paragraph(String paragraph) {
        append(paragraph + "\n");
    }

    void table(String columns, List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder("\n[cols=\"" + columns + "\",options=\"header\"]\n|===\n");
        table.append(cell(header)).append("\n");
        for (List<String> row : rows) {
            table.append(cell(row)).append("\n");
        }
        append(table.append("|===\n").toString());
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    private static String cell(List<String> values) {
        StringBuilder row = new StringBuilder();
        for (String value : values) {
            row.append("| ").append(value.replace("|", "\\|")).append(' ');
        }
        return row.toString().stripTrailing();
    }

    private void append(String part) {
        text.append(part);
        System.out.print(part);
        System.out.flush();
    }
}
