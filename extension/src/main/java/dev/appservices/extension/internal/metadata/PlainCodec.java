package dev.appservices.extension.internal.metadata;

import java.util.Optional;

/** The {@code NO_ENCRYPTION} format: the store file is the JSON of {@link MetadataJson}. Not thread-safe. */
final class PlainCodec implements StoreCodec {

    private final MetadataJson.Encoder encoder = new MetadataJson.Encoder();

    static final String FILE_NAME = "metadata.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public Optional<StoreCodec> predecessor() {
        return Optional.empty();
    }

    @Override
    public MetadataSnapshot decode(byte[] content, StoredItem file) {
        return MetadataJson.decode(content, file);
    }

    @Override
    public byte[] encode(MetadataSnapshot snapshot, StoredItem file) {
        return encoder.encode(snapshot);
    }
}
