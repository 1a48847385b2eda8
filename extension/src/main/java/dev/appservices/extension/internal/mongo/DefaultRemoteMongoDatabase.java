package dev.appservices.extension.internal.mongo;

import dev.appservices.extension.internal.client.ServiceCalls;
import dev.appservices.mongo.Namespace;
import dev.appservices.mongo.RemoteMongoCollection;
import dev.appservices.mongo.RemoteMongoDatabase;
import java.util.Objects;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;

/** A database of a data service: a name and a codec registry for its collections. Immutable. */
final class DefaultRemoteMongoDatabase implements RemoteMongoDatabase {

    private final ServiceCalls calls;
    private final String serviceName;
    private final String name;
    private final CodecRegistry registry;

    DefaultRemoteMongoDatabase(ServiceCalls calls, String serviceName, String name, CodecRegistry registry) {
        this.calls = calls;
        this.serviceName = serviceName;
        this.name = name;
        this.registry = registry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CodecRegistry codecRegistry() {
        return registry;
    }

    @Override
    public RemoteMongoDatabase withCodecRegistry(CodecRegistry registry) {
        return new DefaultRemoteMongoDatabase(calls, serviceName, name, Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public RemoteMongoCollection<Document> collection(String name) {
        return collection(name, Document.class);
    }

    @Override
    public <T> RemoteMongoCollection<T> collection(String name, Class<T> documentClass) {
        Namespace namespace = new Namespace(this.name, DefaultRemoteMongoClient.requireName(name, "collection"));
        return new DefaultRemoteMongoCollection<>(
                calls, serviceName, namespace, Objects.requireNonNull(documentClass, "documentClass"), registry);
    }

    @Override
    public String toString() {
        return "RemoteMongoDatabase[" + name + ", service=" + serviceName + "]";
    }
}
