package dev.appservices.emulator.internal.appimport;

import java.nio.file.Path;
import java.util.Collection;
import java.util.TreeSet;

import dev.appservices.emulator.EmulatorException;

/**
 * The messages of reading exported apps, codes {@code APPSVC0900}–{@code APPSVC0949}. They name the directory, file,
 * key or secret that is wrong and never contain a secret's value.
 */
final class ImportMessages {

    private ImportMessages() {
    }

    static EmulatorException notAnExport(Path directory) {
        return new EmulatorException("APPSVC0900: " + directory + " is not an App Services export: it has none of"
                + " root_config.json, realm_config.json, config.json, stitch.json");
    }

    static EmulatorException invalidJson(Path file, int line, int column, String problem) {
        return new EmulatorException("APPSVC0901: " + file + " is not valid JSON at line " + line + ", column "
                + column + ": " + problem);
    }

    static EmulatorException invalidContent(Path file, String key, String problem) {
        return new EmulatorException("APPSVC0902: invalid exported app file " + file + " at '" + key + "': "
                + problem);
    }

    static EmulatorException functionFileMissing(Path directory, String function, Path expected) {
        return new EmulatorException("APPSVC0903: the function '" + function + "' of the app in " + directory
                + " has no code: " + expected + " is missing");
    }

    static EmulatorException secretsMissing(Path directory, Collection<String> names) {
        return new EmulatorException("APPSVC0904: the app in " + directory + " needs the secrets " + new TreeSet<>(names)
                + ", which nobody gave: put them in the --secrets file or in environment variables"
                + " APPSERVICES_SECRET_<NAME>");
    }

    static EmulatorException secretsUnreadable(Path file, String problem) {
        return new EmulatorException("APPSVC0905: cannot read the secrets file " + file + ": " + problem);
    }

    static EmulatorException noAppId(Path directory) {
        return new EmulatorException("APPSVC0906: the export in " + directory + " names no client app id"
                + " (app_id, or client_app_id in .mdb/meta.json): give one with --app-id");
    }

    static EmulatorException unknownFunction(Path file, String key, String function) {
        return new EmulatorException("APPSVC0907: " + file + " at '" + key + "' names the function '" + function
                + "', which functions/ does not define");
    }

    static EmulatorException unknownExpansion(Path file, String expansion, String environment) {
        return new EmulatorException("APPSVC0908: " + file + " uses " + expansion + ", which the environment '"
                + environment + "' does not define");
    }

    static EmulatorException unreadable(Path path, Exception cause) {
        return new EmulatorException("APPSVC0909: cannot read the exported app file " + path + ": "
                + cause.getMessage(), cause);
    }

    static EmulatorException notADirectory(Path directory) {
        return new EmulatorException("APPSVC0910: the app directory " + directory + " does not exist or is not a"
                + " directory");
    }

    static String ignored(String part, String why) {
        return "APPSVC0911: ignored " + part + ": " + why;
    }
}
