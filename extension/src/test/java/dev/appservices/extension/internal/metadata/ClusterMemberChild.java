package dev.appservices.extension.internal.metadata;

import dev.appservices.App;
import dev.appservices.AppConfiguration;
import dev.appservices.AppServicesException;
import dev.appservices.MetadataConfiguration;
import dev.appservices.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The second server of {@link JdbcClusterTest}: {@code <base URL> <JDBC URL> <app id>} creates the App with a JDBC
 * metadata store and then runs one command per line of its standard input, answering one line each:
 * {@code state <user id>}, {@code profile <user id>} (an access-token request), {@code refresh <user id> <n>}
 * ({@code n} token refreshes) and {@code logout <user id>}. Answers are {@code ok <detail>} or
 * {@code error <message>}. Ends with its standard input, or by itself after two minutes.
 */
final class ClusterMemberChild {

    private ClusterMemberChild() {}

    public static void main(String[] args) throws IOException {
        ChildJvm.haltAfter(Duration.ofSeconds(120));

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[1]);
        AppConfiguration configuration = AppConfiguration.builder(args[2])
                .baseUrl(URI.create(args[0]))
                .timeout(Duration.ofSeconds(20))
                .metadata(MetadataConfiguration.builder().dataSource(dataSource).build())
                .build();
        PrintStream out = System.out;
        try (App app = App.create(configuration);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            out.println("ready");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] command = line.split(" ");
                try {
                    out.println("ok " + run(app, command));
                } catch (AppServicesException e) {
                    out.println("error " + e.getMessage());
                }
            }
        }
    }

    private static String run(App app, String[] command) {
        User user = app.allUsers().get(command[1]);
        if (user == null) {
            return "unknown";
        }
        switch (command[0]) {
            case "state":
                return user.state().name();
            case "profile":
                return user.refreshProfile().name().orElse("");
            case "refresh":
                for (int i = 0; i < Integer.parseInt(command[2]); i++) {
                    user.refreshCustomData();
                }
                return "refreshed";
            case "logout":
                user.logOut();
                return user.state().name();
            default:
                throw new IllegalArgumentException(command[0]);
        }
    }
}
