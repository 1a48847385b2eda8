package dev.appservices.mongo;

/**
 * The kind of change a {@link ChangeEvent} reports (its {@code operationType}).
 *
 * @since 0.1
 */
public enum OperationType {

    /** A document was inserted. */
    INSERT("insert"),

    /** A document was changed by an update. */
    UPDATE("update"),

    /** A document was replaced. */
    REPLACE("replace"),

    /** A document was deleted. */
    DELETE("delete"),

    /** The collection was dropped. */
    DROP("drop"),

    /** The collection was renamed. */
    RENAME("rename"),

    /** The database was dropped. */
    DROP_DATABASE("dropDatabase"),

    /** The stream can no longer follow the collection. */
    INVALIDATE("invalidate"),

    /** A kind this client does not know; {@link ChangeEvent#raw()} holds the event. */
    OTHER("");

    private final String wireName;

    OperationType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name in change events.
     *
     * @return the name, such as {@code "dropDatabase"}; empty for {@link #OTHER}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Finds the kind of an {@code operationType} value.
     *
     * @param wireName the value, may be null
     * @return the kind, {@link #OTHER} if unknown
     */
    public static OperationType fromWireName(String wireName) {
        for (OperationType type : values()) {
            if (type != OTHER && type.wireName.equals(wireName)) {
                return type;
            }
        }
        return OTHER;
    }
}
