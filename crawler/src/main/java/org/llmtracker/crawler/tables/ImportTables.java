package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogYaml;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: {@code ImportTables <input.md|input.html> [output.yaml]} imports a document's
 * project tables as catalogue YAML, to stdout or a file; warnings go to stderr. Exits with 1 when
 * the input cannot be read or has no importable table.
 */
public final class ImportTables {

    private static final String USAGE = "usage: ImportTables <input.md|input.html> [output.yaml]";

    private ImportTables() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** The command without {@code System.exit}, for tests; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1 || args.length > 2) {
            err.println(USAGE);
            return 1;
        }
        Path input = Path.of(args[0]);
        ImportResult result;
        try {
            result = new TableImporter().importFile(input);
        } catch (IOException e) {
            err.println("ImportTables: cannot read " + input + ": " + e);
            return 1;
        }
        result.warnings().forEach(w -> err.println("warning: " + w));
        if (result.entries().isEmpty()) {
            err.println("ImportTables: " + input + " has no table with a 名称 (Name) column and two other known"
                    + " columns (组织, 参数量, 是否开源, base模型, 推出日期, 参考链接)");
            return 1;
        }
        String yaml = CatalogYaml.write(result.entries(), "Imported from " + input.getFileName()
                + " by ImportTables: " + result.entries().size() + " entries, " + result.warnings().size()
                + " warnings.\nReview before adding entries to catalog.yaml: kinds, relations and descriptions"
                + " are not in the tables.");
        if (args.length == 1) {
            out.print(yaml);
            out.flush();
            return 0;
        }
        Path output = Path.of(args[1]);
        try {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("ImportTables: cannot write " + output + ": " + e);
            return 1;
        }
        err.println("ImportTables: wrote " + result.entries().size() + " entries to " + output);
        return 0;
    }
}
