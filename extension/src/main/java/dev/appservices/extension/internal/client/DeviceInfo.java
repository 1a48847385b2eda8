package dev.appservices.extension.internal.client;

import dev.appservices.AppConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The {@code options.device} block sent with every login (protocol.md §2): which app, platform and SDK the login
 * comes from. Built once per App from system properties and the configuration; every field is a string.
 */
final class DeviceInfo {

    /** The name this client reports as its SDK. */
    static final String SDK_NAME = "Jakarta EE";

    /** The version of this library, from the Maven descriptor the build puts into the jar. */
    static final String SDK_VERSION = readVersion();

    private static final String UNKNOWN = "unknown";

    private DeviceInfo() {}

    /** The block for an App; a new document on each call. */
    static BsonDocument of(AppConfiguration configuration) {
        BsonDocument device = new BsonDocument()
                .append("appId", new BsonString(configuration.id()))
                .append("platform", property("os.name"))
                .append("platformVersion", property("os.version"))
                .append("sdk", new BsonString(SDK_NAME))
                .append("sdkVersion", new BsonString(SDK_VERSION))
                .append("cpuArch", property("os.arch"))
                .append("deviceName", property("java.vm.name"))
                .append("deviceVersion", property("java.vm.version"))
                .append("frameworkName", new BsonString("Java"))
                .append("frameworkVersion", property("java.version"))
                // There is no Realm core underneath: the protocol implementation is this library.
                .append("coreVersion", new BsonString(SDK_VERSION))
                .append("bundleId", new BsonString(UNKNOWN));
        configuration.appName().ifPresent(name -> device.append("appName", new BsonString(name)));
        configuration.appVersion().ifPresent(version -> device.append("appVersion", new BsonString(version)));
        return device;
    }

    private static BsonString property(String name) {
        String value = System.getProperty(name);
        return new BsonString(value == null || value.isBlank() ? UNKNOWN : value);
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = DeviceInfo.class.getResourceAsStream(
                "/META-INF/maven/dev.appservices/appservices-extension/pom.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the version is informative only; "unknown" is sent instead (also when running from classes)
        }
        String version = properties.getProperty("version");
        return version == null || version.isBlank() ? UNKNOWN : version;
    }
}
