package dev.appservices.extension.internal.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.types.Decimal128;

/**
 * The record and POJO types the function tests send and receive. Public, as the BSON library's record and POJO
 * codecs require.
 */
public final class FunctionTestTypes {

    private FunctionTestTypes() {}

    /** A line of an order: a nested record. */
    public record Line(String sku, int count) {}

    /** An order: a record with a nested list of records. */
    public record Order(String id, long quantity, Decimal128 price, List<Line> lines) {}

    /** A POJO in the bean style: no-argument constructor, getters and setters. */
    public static final class Customer {
        private String name;
        private Instant since;

        public Customer() {}

        public Customer(String name, Instant since) {
            this.name = name;
            this.since = since;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Instant getSince() {
            return since;
        }

        public void setSince(Instant since) {
            this.since = since;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customer c && Objects.equals(name, c.name) && Objects.equals(since, c.since);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, since);
        }
    }
}
