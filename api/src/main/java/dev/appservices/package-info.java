/**
 * App Services for Jakarta EE: a client for Atlas App Services–style backends (the Realm SDKs' HTTP protocol) for
 * Jakarta EE and MicroProfile applications.
 *
 * <h2>Getting an App</h2>
 *
 * <p>With CDI, inject the {@link dev.appservices.App} of an app id; there is one {@code @ApplicationScoped} App per
 * id:
 *
 * <pre>{@code
 * @Inject @AppServices(id = "orders") App app;
 *
 * User user = app.logIn(Credentials.emailPassword("ana@example.com", "s3cret!"));
 * long total = user.functions().call("sum", Long.class, 1, 2);
 * App same = App.getApp("orders");          // the same instance, from anywhere
 *
 * void onEvent(@Observes @AppServices(id = "orders") AuthEvent event) { ... }
 * }</pre>
 *
 * <p>{@code @Inject @AppServices App app;} injects the default App, whose id is the value of
 * {@code appservices.app-id}. Without CDI, use {@link dev.appservices.App#create(AppConfiguration)} or
 * {@link dev.appservices.App#getApp(String)}; the implementation ({@code dev.appservices:appservices-extension})
 * must be on the class path.
 *
 * <h2>Configuration keys (MicroProfile Config)</h2>
 *
 * <p>Settings are read from {@code appservices.<id>.<key>}, falling back to {@code appservices.defaults.<key>}. Ids
 * match {@code [a-z0-9][a-z0-9-]*} and {@code defaults} is reserved. {@code appservices.app-id} names the default
 * App.
 *
 * <table>
 * <caption>Keys under {@code appservices.<id>.}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code base-url}</td><td>{@code https://services.cloud.mongodb.com}</td>
 *     <td>the server; read at each use, so it can change at run time</td></tr>
 * <tr><td>{@code timeout}</td><td>{@code 60000}</td>
 *     <td>request timeout: a plain integer is milliseconds, otherwise an ISO-8601 duration ({@code PT10S})</td></tr>
 * <tr><td>{@code skip-location}</td><td>{@code false}</td>
 *     <td>use the base URL as the host, without a location request (reverse proxies)</td></tr>
 * <tr><td>{@code app-name}, {@code app-version}</td><td>none</td>
 *     <td>sent with every login in {@code options.device}</td></tr>
 * <tr><td>{@code headers.<Header-Name>}</td><td>none</td><td>extra request headers</td></tr>
 * <tr><td>{@code authorization-header-name}</td><td>{@code Authorization}</td>
 *     <td>for proxies that own the standard header</td></tr>
 * <tr><td>{@code metadata.mode}</td><td>{@code no-encryption}</td>
 *     <td>{@code no-encryption}, {@code encryption} or {@code in-memory}</td></tr>
 * <tr><td>{@code metadata.directory}</td><td>{@code ${user.home}/.appservices}</td>
 *     <td>the store lives in {@code <directory>/<id>/}</td></tr>
 * <tr><td>{@code metadata.key-store.path}, {@code .type}, {@code .password}, {@code .alias}</td>
 *     <td>type {@code PKCS12}, alias {@code appservices-metadata}</td>
 *     <td>JCA key store holding the encryption key; the password is read when needed, never kept or logged</td></tr>
 * <tr><td>{@code metadata.encryption-key}</td><td>none</td>
 *     <td>base64 of a raw 64-byte key, the Realm SDKs' format</td></tr>
 * <tr><td>{@code metadata.on-invalid}</td><td>{@code fail}</td>
 *     <td>{@code fail} or {@code reset}: what to do with a store that cannot be read
 *     ({@link dev.appservices.InvalidMetadataPolicy})</td></tr>
 * </table>
 *
 * <p>Configuration errors found at deployment are reported all at once, each naming the full key and the injection
 * point.
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 * <li>Every network call blocks; each has an {@code …Async} twin returning a
 * {@link java.util.concurrent.CompletionStage}. No call requires a particular thread.</li>
 * <li>Value types are immutable and thread-safe; service interfaces are thread-safe.</li>
 * <li>All project exceptions are unchecked and extend {@link dev.appservices.AppServicesException}; every message
 * starts with a stable code {@code APPSVCnnnn:} and never contains a token, password, key or plaintext. Wrong
 * arguments raise {@link java.lang.NullPointerException} or {@link java.lang.IllegalArgumentException}.</li>
 * </ul>
 */
package dev.appservices;
