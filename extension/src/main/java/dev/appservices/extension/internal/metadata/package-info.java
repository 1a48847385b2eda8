/**
 * Internal, may change without notice: the metadata store of an App, its users' tokens, profiles, identities and
 * device ids. {@link dev.appservices.extension.internal.metadata.MetadataStores#open} picks the store for the
 * configured mode and store: {@code InMemoryMetadataStore}; a {@code FileMetadataStore} whose {@code StoreDirectory}
 * makes writes atomic and the directory exclusive, and which commits concurrent updates together; or a
 * {@code JdbcMetadataStore}, one row per user in the {@code MetadataTable} of a data source shared by a cluster. Both
 * keep the JSON of {@code MetadataJson} as it is ({@code PlainCodec}) or sealed in an AES-256-GCM {@code Envelope}
 * ({@code SealedCodec}). The formats are documented in {@code docs/metadata.adoc}.
 */
package dev.appservices.extension.internal.metadata;
