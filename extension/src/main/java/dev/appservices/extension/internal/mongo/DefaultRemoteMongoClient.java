package dev.appservices.extension.internal.mongo;

import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.mongo.RemoteMongoClient;
import dev.appservices.mongo.RemoteMongoDatabase;
import java.util.Objects;

/** A data service as one user sees it; a name and the user's {@link ServiceCalls}. Immutable. */
public final class DefaultRemoteMongoClient implements RemoteMongoClient {

    private final ServiceCalls calls;
    private final String serviceName;

    public DefaultRemoteMongoClient(ServiceCalls calls, String serviceName) {
        this.calls = calls;
        this.serviceName = serviceName;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public RemoteMongoDatabase database(String name) {
        return new DefaultRemoteMongoDatabase(
                calls, serviceName, requireName(name, "database"), ServiceCalls.defaultCodecRegistry());
    }

    /** Names the service and the user; never a token. */
    @Override
    public String toString() {
        return "RemoteMongoClient[service=" + serviceName + ", appId=" + calls.appId() + ", userId=" + calls.userId()
                + "]";
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw MongoMessages.blankName(what);
        }
        return name;
    }
}
