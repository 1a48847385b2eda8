package dev.appservices.emulator;

import static dev.appservices.emulator.WireClient.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apps in App Services' export format, served as exported: every root-file variant, JavaScript functions with their
 * {@code context}, values from secrets and environments, and the auth providers whose hooks are JavaScript.
 */
class ImportedAppTest {

    static final String TASKS = "tasks-qodrp";
    private static final String SECRET_TOKEN = "s3cr3t-token-value";
    private static final String SIGNING_KEY = "a-signing-key-of-at-least-32-bytes-long!";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create(builder -> builder.importApp(fixture("tasks"))
            .importApp(fixture("tasks"), "tasks-copy")
            .importApp(fixture("cli-root"))
            .importApp(fixture("legacy-config"))
            .importApp(fixture("legacy-stitch"))
            .secrets(fixture("tasks-secrets.json"))
            .function(TASKS, "javaTotal", (context, arguments) -> new BsonInt64(7))
            .allowHttp("127.0.0.1"));

    private static WireClient client;
    private static String token;

    static Path fixture(String name) {
        try {
            return Path.of(ImportedAppTest.class.getResource("/apps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void login() {
        client = new WireClient(EMULATOR.baseUrl());
        token = client.loginAnonymously(TASKS).getString("access_token");
        firstCall(client, TASKS, token);
    }

    /**
     * Waits for the first JavaScript call of an emulator, which pays for GraalJS's first context: seconds on a busy
     * machine, longer than the client's usual timeout.
     */
    static void firstCall(WireClient wire, String appId, String accessToken) {
        WireClient.Reply reply = wire.send(
                "POST",
                CLIENT + "/app/" + appId + "/functions/call",
                accessToken,
                "{\"name\":\"sum\",\"arguments\":[]}",
                Duration.ofMinutes(2));
        assertEquals(200, reply.status(), reply.body());
    }

    private static WireClient.Reply call(String appId, String name, String arguments) {
        return callAs(appId, token(appId), name, arguments);
    }

    private static WireClient.Reply callAs(String appId, String accessToken, String name, String arguments) {
        return client.post(
                CLIENT + "/app/" + appId + "/functions/call",
                accessToken,
                "{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}");
    }

    private static String token(String appId) {
        return TASKS.equals(appId) ? token : client.loginAnonymously(appId).getString("access_token");
    }

    private static BsonValue result(String name, String arguments) {
        return result(TASKS, name, arguments);
    }

    private static BsonValue result(String appId, String name, String arguments) {
        WireClient.Reply reply = call(appId, name, arguments);
        assertEquals(200, reply.status(), reply.body());
        return BsonDocument.parse("{\"v\": " + reply.body() + "}").get("v");
    }

    private static String error(String name, String arguments) {
        WireClient.Reply reply = call(TASKS, name, arguments);
        assertEquals("FunctionExecutionError", reply.errorCode(400), reply.body());
        return reply.json().getString("error");
    }

    private static BsonValue ejson(String json) {
        return BsonDocument.parse("{\"v\": " + json + "}").get("v");
    }

    @Test
    void everyRootFileVariantIsServedUnderItsClientAppId() {
        assertEquals(ejson("{\"$numberInt\": \"6\"}"), result("sum", "[1, 2, 3]"));
        assertEquals(ejson("{\"$numberInt\": \"6\"}"), result("tasks-copy", "sum", "[1, 2, 3]"));
        assertEquals(
                ejson("{value: 'x', app: '65a1b2c3d4e5f6a7b8c9d0e1', project: '5f0c3b2a1d4e5f6a7b8c9d0e',"
                        + " environment: ''}"),
                result("notes-xyzab", "util/echo", "['x']"));
        assertEquals(ejson("'hello ann'"), result("legacy-config-abcde", "greet", "['ann']"));
        assertEquals(ejson("'welcome ann'"), result("legacy-stitch-abcde", "greet", "['ann']"));
        JsonObject location =
                client.get(CLIENT + "/app/notes-xyzab/location", null).json();
        assertEquals("LOCAL", location.getString("deployment_model"));
        assertEquals("IE", location.getString("location"));
    }

    @Test
    void numbersKeepTheirTypes() {
        assertEquals(
                ejson("{\"$numberLong\": \"6\"}"),
                result("sum", "[{\"$numberLong\": \"1\"}, {\"$numberLong\": \"2\"}, {\"$numberLong\": \"3\"}]"));
        assertEquals(
                ejson("{\"$numberDouble\": \"4.0\"}"),
                result("sum", "[{\"$numberDouble\": \"1.5\"}, {\"$numberDouble\": \"2.5\"}]"));
        assertEquals(
                ejson("{\"$numberLong\": \"5\"}"),
                result("asyncSum", "[{\"$numberLong\": \"2\"}, {\"$numberLong\": \"3\"}]"));
    }

    @Test
    void bsonTypesRoundTrip() {
        BsonDocument types =
                result("types", "[{\"$oid\": \"5f0c3b2a1d4e5f6a7b8c9d0e\"}]").asDocument();
        assertEquals(ejson("{\"$oid\": \"5f0c3b2a1d4e5f6a7b8c9d0e\"}"), types.get("given"));
        assertEquals(ejson("true"), types.get("isObjectId"));
        assertEquals(ejson("{\"$numberInt\": \"24\"}"), types.get("fresh"));
        assertEquals(ejson("{\"$numberLong\": \"9007199254740993\"}"), types.get("big"));
        assertEquals(ejson("{\"$numberInt\": \"7\"}"), types.get("small"));
        assertEquals(ejson("{\"$numberDouble\": \"1.0\"}"), types.get("ratio"));
        assertEquals(ejson("{\"$numberDecimal\": \"9.99\"}"), types.get("price"));
        assertEquals(
                ejson("{n: {\"$numberInt\": \"1\"}, d: {\"$date\": {\"$numberLong\": \"0\"}}}"), types.get("round"));
    }

    @Test
    void contextShowsTheUserTheRequestAndTheApp() {
        BsonDocument me = result("whoAmI", "[]").asDocument();
        assertEquals("normal", me.getString("type").getValue());
        assertEquals(ejson("['anon-user']"), me.get("providers"));
        assertEquals("POST", me.getString("method").getValue());
        assertEquals(TASKS, me.getString("app").getValue());
        assertEquals("tasks", me.getString("appName").getValue());
        String userId = WireClient.claims(token).getString("sub");
        assertEquals(userId, me.getString("id").getValue());
    }

    @Test
    void valuesComeFromSecretsAndTheEnvironment() {
        BsonDocument settings = result("settings", "[]").asDocument();
        assertEquals("development", settings.getString("environment").getValue());
        assertEquals("hello from development", settings.getString("greeting").getValue());
        assertEquals(
                "hello from development, at most 5 items",
                settings.getString("banner").getValue());
        assertEquals(ejson("{maxItems: {\"$numberInt\": \"5\"}, paging: true}"), settings.get("limits"));
        assertEquals(ejson("{\"$numberInt\": \"" + SECRET_TOKEN.length() + "\"}"), settings.get("tokenLength"));
    }

    @Test
    void privateFunctionsAreOnlyCallableFromFunctions() {
        assertEquals("FunctionNotFound", call(TASKS, "private/double", "[21]").errorCode(404));
        assertEquals(ejson("{\"$numberInt\": \"42\"}"), result("doubleViaPrivate", "[21]"));
    }

    @Test
    void runAsSystemFunctionsRunOutsideTheRulesForTheirCaller() {
        assertEquals(ejson("{type: 'normal', system: true}"), result("systemCheck", "[]"));
    }

    @Test
    void errorsAndRequireAreFunctionExecutionErrors() {
        assertEquals("refused: closed", error("fails", "['closed']"));
        String message = error("usesAxios", "[]");
        assertTrue(message.contains("require('axios') is not supported"), message);
    }

    @Test
    void runawayFunctionIsStoppedWhileOthersAreAnswered() throws Exception {
        try (AppServicesEmulator limited = AppServicesEmulator.builder()
                .importApp(fixture("tasks"))
                .secrets(fixture("tasks-secrets.json"))
                .functionTimeLimit(Duration.ofSeconds(2))
                .start()) {
            WireClient wire = new WireClient(limited.baseUrl());
            String user = wire.loginAnonymously(TASKS).getString("access_token");
            firstCall(wire, TASKS, user);
            String path = CLIENT + "/app/" + TASKS + "/functions/call";
            CompletableFuture<WireClient.Reply> runaway =
                    CompletableFuture.supplyAsync(() -> wire.post(path, user, "{\"name\":\"spin\",\"arguments\":[]}"));
            long answered = 0;
            while (!runaway.isDone()) {
                assertEquals(
                        "{\"$numberInt\": \"3\"}",
                        wire.post(path, user, "{\"name\":\"sum\",\"arguments\":[1, 2]}")
                                .body());
                answered++;
            }
            assertEquals("FunctionExecutionError", runaway.get().errorCode(400));
            String message = runaway.get().json().getString("error");
            assertTrue(message.startsWith("APPSVC0592: execution time limit exceeded"), message);
            assertTrue(answered > 0, "calls answered while the runaway function ran");
            assertEquals(
                    "{\"$numberInt\": \"3\"}",
                    wire.post(path, user, "{\"name\":\"sum\",\"arguments\":[1, 2]}")
                            .body());
        }
    }

    @Test
    void sixteenConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<BsonValue>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String arguments = "[{\"$numberLong\": \"" + i + "\"}, {\"$numberLong\": \"1000\"}]";
                calls.add(CompletableFuture.supplyAsync(() -> result("sum", arguments), pool));
            }
            for (int i = 0; i < 16; i++) {
                assertEquals(
                        ejson("{\"$numberLong\": \"" + (i + 1000) + "\"}"),
                        calls.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void httpReachesOnlyAllowedHosts() {
        String location = EMULATOR.baseUrl() + CLIENT + "/app/" + TASKS + "/location";
        BsonDocument answer = result("callHttp", "['" + location + "']").asDocument();
        assertEquals(ejson("{\"$numberInt\": \"200\"}"), answer.get("status"));
        assertTrue(answer.getString("body").getValue().contains("\"deployment_model\""), answer.toJson());
        String message = error("callHttp", "['https://example.com/']");
        assertTrue(message.startsWith("APPSVC0586: context.http may not reach host 'example.com'"), message);
    }

    @Test
    void javaScriptConfirmationFunctionDecides() {
        client.register(TASKS, "alice@example.com", "password1");
        assertEquals(
                200,
                client.post(
                                CLIENT + "/app/" + TASKS + "/auth/providers/local-userpass/login",
                                null,
                                "{\"username\":\"alice@example.com\",\"password\":\"password1\"}")
                        .status());
        client.register(TASKS, "bob@elsewhere.org", "password1");
        assertEquals(
                1,
                EMULATOR.admin().pendingConfirmations(TASKS).stream()
                        .filter(pending -> pending.email().equals("bob@elsewhere.org"))
                        .count());
        WireClient.Reply blocked = client.post(
                WireClient.userpass(TASKS, "register"),
                null,
                "{\"email\":\"carol@blocked.example.com\",\"password\":\"password1\"}");
        assertEquals("BadRequest", blocked.errorCode(400));
    }

    @Test
    void javaScriptResetFunctionDecides() {
        client.register(TASKS, "dora@example.com", "password1");
        assertEquals(
                "BadRequest",
                client.post(
                                WireClient.userpass(TASKS, "reset/call"),
                                null,
                                "{\"email\":\"dora@example.com\",\"password\":\"password2\",\"arguments\":[\"red\"]}")
                        .errorCode(400));
        assertEquals(
                200,
                client.post(
                                WireClient.userpass(TASKS, "reset/call"),
                                null,
                                "{\"email\":\"dora@example.com\",\"password\":\"password2\",\"arguments\":[\"blue\"]}")
                        .status());
        client.login(TASKS, "local-userpass", "{\"username\":\"dora@example.com\",\"password\":\"password2\"}");
    }

    @Test
    void customFunctionProviderRunsTheJavaScriptAuthFunction() {
        JsonObject login = client.login(TASKS, "custom-function", "{\"username\":\"erin\",\"secret\":\"open sesame\"}");
        JsonObject profile = client.get(CLIENT + "/auth/profile", login.getString("access_token"))
                .json();
        assertEquals(
                "custom-function",
                profile.getJsonArray("identities").getJsonObject(0).getString("provider_type"));
        WireClient.Reply refused = client.post(
                CLIENT + "/app/" + TASKS + "/auth/providers/custom-function/login",
                null,
                "{\"username\":\"erin\",\"secret\":\"guess\"}");
        assertEquals("AuthError", refused.errorCode(401));
        assertTrue(refused.json().getString("error").contains("wrong secret for erin"), refused.body());
    }

    @Test
    void customTokenProviderUsesTheSigningKeyFromTheSecrets() throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("frank")
                        .audience("tasks")
                        .claim("name", "Frank")
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                        .build());
        jwt.sign(new MACSigner(SIGNING_KEY.getBytes(StandardCharsets.UTF_8)));
        client.login(TASKS, "custom-token", "{\"token\":\"" + jwt.serialize() + "\"}");
    }

    @Test
    void disabledProvidersAreRefused() {
        WireClient.Reply reply =
                client.post(CLIENT + "/app/" + TASKS + "/auth/providers/api-key/login", null, "{\"key\":\"anything\"}");
        assertEquals("AuthProviderNotFound", reply.errorCode(400));
    }

    @Test
    void functionsReachTheDataSourceUnderTheRulesOfTheCallingUser() {
        String other = client.loginAnonymously(TASKS).getString("access_token");
        result("items/add", "['buy milk']");
        result("items/add", "['answer mail']");
        callAs(TASKS, other, "items/add", "[\"other's item\"]");
        assertEquals(ejson("['answer mail', 'buy milk']"), result("items/mine", "[]"));
        assertEquals("insert not permitted for namespace 'tasks.items'", error("items/addForSomeoneElse", "[]"));
        BsonValue all = result("items/countAll", "[]");
        assertTrue(all.isNumber() && all.asNumber().longValue() >= 3, "as system every item counts: " + all);
    }

    @Test
    void cursorsSkipAndBulkWritesAndDistinctValuesWork() {
        String user = client.loginAnonymously(TASKS).getString("access_token");
        WireClient.Reply reply = callAs(TASKS, user, "items/bulk", "['bulk']");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(
                ejson("{inserted: {$numberInt: '3'}, deleted: {$numberInt: '1'}, page: ['bulk-b'],"
                        + " tags: ['x', 'y']}"),
                ejson(reply.body()));
    }

    @Test
    void databaseTriggerRunsItsFunctionWithTheChangeEvent() {
        BsonValue id = result("items/add", "['water plants']");
        String arguments = "[" + new BsonDocument("v", id).toJson().replaceAll("^\\{\"v\": |}$", "") + "]";
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(ejson("'insert'"), result("items/audit", arguments)));
    }

    @Test
    void authenticationTriggerRunsWhenALoginCreatesAUser() {
        String user = client.loginAnonymously(TASKS).getString("access_token");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        "\"anon-user\"",
                        callAs(TASKS, user, "profile/createdWith", "[]").body()));
    }

    @Test
    void customUserDataComesFromTheConfiguredCollection() {
        String user = client.loginAnonymously(TASKS).getString("access_token");
        WireClient.Reply set = callAs(TASKS, user, "profile/setColor", "['teal']");
        assertEquals(200, set.status(), set.body());
        WireClient.Reply color = callAs(TASKS, user, "profile/myColor", "[]");
        assertEquals("\"teal\"", color.body());
    }

    @Test
    void javaFunctionsRegisteredForAnImportedAppWorkBesideItsJavaScript() {
        assertEquals(ejson("{\"$numberLong\": \"7\"}"), result("javaTotal", "[]"));
    }

    @Test
    void builtInFunctionsAreNotPartOfAnImportedApp() {
        assertEquals("FunctionNotFound", call(TASKS, "echo", "[1]").errorCode(404));
    }
}
