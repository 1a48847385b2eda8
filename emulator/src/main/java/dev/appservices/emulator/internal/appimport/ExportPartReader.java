package dev.appservices.emulator.internal.appimport;

import java.nio.file.Path;
import java.util.List;

/** A reader of one part of an export (functions, auth, data sources); the parts share the directory being read. */
abstract class ExportPartReader {

    final ExportDirectory export;
    final Path directory;
    final List<String> warnings;

    ExportPartReader(ExportDirectory export) {
        this.export = export;
        this.directory = export.root();
        this.warnings = export.warnings();
    }
}
