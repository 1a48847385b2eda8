package dev.appservices.extension.internal.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The one JSON-B instance with which the Rest Clients of an App read and write the protocol's JSON bodies, supplied
 * the standard JAX-RS way, as a {@code ContextResolver<Jsonb>}. Without it RESTEasy's JSON-B provider (WildFly, Open
 * Liberty) builds a new {@code Jsonb} for every body and closes it afterwards, looking the JSON-B and JSON-P
 * providers up and introspecting the body's class again each time: that was nine tenths of what a login allocated
 * (docs/benchmarks.adoc). Created by {@link BackendClients} with the App's first client, closed with the App;
 * thread-safe, as {@code Jsonb} instances are.
 */
final class SharedJsonb implements ContextResolver<Jsonb>, AutoCloseable {

    private static final Logger LOG = System.getLogger(SharedJsonb.class.getName());

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "closing the JSON-B instance of an App failed", e);
        }
    }
}
