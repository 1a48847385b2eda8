package dev.appservices.emulator.internal;

import dev.appservices.emulator.AppServicesEmulator;
import dev.appservices.emulator.EmulatorException;
import dev.appservices.emulator.internal.messages.Messages;
import dev.appservices.emulator.internal.messages.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar's main class:
 * {@code java -jar appservices-emulator.jar [--port N] [--host HOST] [--config FILE] [--data-dir DIR]
 * [--mongodb-uri URI] [--state-database NAME] [--app DIR [--app-id ID]]... [--secrets FILE]
 * [--allow-http HOST[,HOST...]] [--function-time-limit SECONDS]}.
 *
 * <p>{@code --app} (repeatable) serves an app exported from App Services; {@code --app-id} right after it serves
 * it under another client app id. Without {@code --config} and {@code --app} the bundled demo configuration is
 * served. Once listening it prints exactly
 * {@code App Services emulator listening on http://<host>:<port>}; it runs until the JVM is asked to stop (Ctrl-C,
 * SIGTERM), then closes the emulator. A bad argument or a failed start prints the coded message and exits with 2 or
 * 1.
 */
public final class EmulatorMain {

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        AppServicesEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(e.exitStatus());
            return;
        } catch (EmulatorException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "appservices-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Starts an emulator as the command line describes and prints the listening line.
     *
     * @throws UsageException {@code APPSVC0580} for bad arguments
     * @throws EmulatorException for a failed start
     */
    public static AppServicesEmulator start(String[] args, PrintStream out) {
        AppServicesEmulator.Builder builder = AppServicesEmulator.builder();
        boolean configured = false;
        List<String> appDirectories = new ArrayList<>();
        Map<Integer, String> appIds = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if ("--help".equals(option) || "-h".equals(option)) {
                throw Messages.usage("help requested");
            }
            if (i + 1 >= args.length) {
                throw Messages.usage("'" + option + "' needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(number(option, value));
                case "--host" -> builder.host(value);
                case "--config" -> {
                    builder.config(Path.of(value));
                    configured = true;
                }
                case "--data-dir" -> builder.dataDirectory(Path.of(value));
                case "--app" -> {
                    appDirectories.add(value);
                    configured = true;
                }
                case "--app-id" -> {
                    if (appDirectories.isEmpty() || appIds.putIfAbsent(appDirectories.size() - 1, value) != null) {
                        throw Messages.usage("--app-id must follow the --app it renames");
                    }
                }
                case "--secrets" -> builder.secrets(Path.of(value));
                case "--allow-http" ->
                    builder.allowHttp(Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(host -> !host.isEmpty())
                            .toArray(String[]::new));
                case "--function-time-limit" -> builder.functionTimeLimit(Duration.ofSeconds(number(option, value)));
                case "--mongodb-uri" -> builder.mongodbUri(value);
                case "--state-database" -> builder.stateDatabase(value);
                default -> throw Messages.usage("unknown option '" + option + "'");
            }
        }
        for (int i = 0; i < appDirectories.size(); i++) {
            Path directory = Path.of(appDirectories.get(i));
            String appId = appIds.get(i);
            if (appId == null) {
                builder.importApp(directory);
            } else {
                builder.importApp(directory, appId);
            }
        }
        if (!configured) {
            builder.configResource(AppServicesEmulator.DEMO_CONFIG_RESOURCE);
        }
        AppServicesEmulator emulator = builder.start();
        out.println("App Services emulator listening on " + emulator.baseUrl());
        out.flush();
        return emulator;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Messages.usage(option + " needs a number, not '" + value + "'");
        }
    }
}
