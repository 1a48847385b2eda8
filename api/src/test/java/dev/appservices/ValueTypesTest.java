package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void profileReadsWellKnownKeysAsStrings() {
        UserProfile profile = UserProfile.of(new Document("name", "Ana")
                .append("email", "ana@example.com")
                .append("picture_url", "https://p")
                .append("first_name", "A")
                .append("last_name", "N")
                .append("gender", "f")
                .append("birthday", "2000-01-01")
                .append("min_age", 18)
                .append("max_age", "30")
                .append("extra", new Document("k", "v")));
        assertEquals(Optional.of("Ana"), profile.name());
        assertEquals(Optional.of("ana@example.com"), profile.email());
        assertEquals(Optional.of("https://p"), profile.pictureUrl());
        assertEquals(Optional.of("A"), profile.firstName());
        assertEquals(Optional.of("N"), profile.lastName());
        assertEquals(Optional.of("f"), profile.gender());
        assertEquals(Optional.of("2000-01-01"), profile.birthday());
        assertEquals(Optional.of("18"), profile.minAge());
        assertEquals(Optional.of("30"), profile.maxAge());
        assertEquals("v", profile.asDocument().get("extra", Document.class).getString("k"));
        assertEquals(Optional.empty(), UserProfile.empty().name());
        assertEquals(
                Optional.empty(),
                UserProfile.of(new Document("name", new Document())).name());
    }

    @Test
    void profileIsImmutableAndHidesValues() {
        Document data = new Document("email", "ana@example.com");
        UserProfile profile = UserProfile.of(data);
        data.put("email", "other@example.com");
        profile.asDocument().put("email", "third@example.com");
        assertEquals(Optional.of("ana@example.com"), profile.email());
        assertEquals(UserProfile.of(new Document("email", "ana@example.com")), profile);
        assertEquals("UserProfile[keys=[email]]", profile.toString());
    }

    @Test
    void apiKeyHidesItsSecret() {
        ApiKey key = new ApiKey("id1", "ci", Optional.of("s3cret"), false);
        assertFalse(key.toString().contains("s3cret"), key.toString());
        assertTrue(key.toString().contains("key=***"), key.toString());
        assertTrue(new ApiKey("id1", "ci", Optional.empty(), true).toString().contains("key=(absent)"));
    }

    @Test
    void exceptionsCarryServerDetails() {
        ServiceException e = new InvalidCredentialsException(
                "APPSVC0201: login refused", ErrorCode.INVALID_PASSWORD, 401, "InvalidPassword", "https://logs");
        assertEquals(ErrorCode.INVALID_PASSWORD, e.errorCode());
        assertEquals(OptionalInt.of(401), e.httpStatus());
        assertEquals(Optional.of("InvalidPassword"), e.serverErrorCode());
        assertEquals(Optional.of("https://logs"), e.link());

        AppServicesException client = new AppServicesException("APPSVC0202: closed", ErrorCode.CLIENT_APP_CLOSED);
        assertEquals(OptionalInt.empty(), client.httpStatus());
        assertEquals(Optional.empty(), client.serverErrorCode());
        assertEquals(ErrorCode.CUSTOM_ERROR, new ConnectionException("APPSVC0203: timeout").errorCode());
        assertEquals(
                "sum",
                new FunctionException(
                                "APPSVC0204: failed",
                                ErrorCode.FUNCTION_EXECUTION_ERROR,
                                "sum",
                                400,
                                "FunctionExecutionError",
                                null)
                        .functionName());
        assertThrows(NullPointerException.class, () -> new AppServicesException("APPSVC0205: x", null));
    }

    @Test
    void exceptionsSerializeWithTheirFields() throws IOException, ClassNotFoundException {
        MetadataIntegrityException original =
                new MetadataIntegrityException("APPSVC0301: tampered", Path.of("/var/lib/orders/metadata.json"));
        MetadataIntegrityException copy = roundTrip(original);
        assertEquals(Optional.of(Path.of("/var/lib/orders/metadata.json")), copy.path());
        assertEquals("APPSVC0301: tampered", copy.getMessage());

        AppServicesConfigException config =
                roundTrip(new AppServicesConfigException("APPSVC0120: bad", "appservices.orders.timeout", "orders"));
        assertEquals(Optional.of("appservices.orders.timeout"), config.propertyName());
        assertEquals(Optional.of("orders"), config.appId());
        assertEquals(
                OptionalInt.of(404),
                roundTrip(new ServiceException("APPSVC0206: x", ErrorCode.HTTP_ERROR, 404, null, null))
                        .httpStatus());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
