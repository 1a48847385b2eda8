package dev.appservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void coversEveryServerCodeOfTheProtocol() {
        Set<Integer> server = Arrays.stream(ErrorCode.values())
                .filter(c -> c.code() >= 4300)
                .map(ErrorCode::code)
                .collect(Collectors.toSet());
        assertEquals(IntStream.rangeClosed(4300, 4355).boxed().collect(Collectors.toSet()), server);
        assertEquals(56 + 1 + 6 + 4, ErrorCode.values().length);
        assertEquals(
                ErrorCode.values().length,
                Arrays.stream(ErrorCode.values())
                        .map(ErrorCode::code)
                        .distinct()
                        .count());
    }

    @Test
    void findsServerCodesByWireName() {
        assertEquals(Optional.of(ErrorCode.INVALID_SESSION), ErrorCode.fromWireName("InvalidSession"));
        assertEquals(4301, ErrorCode.INVALID_SESSION.code());
        assertEquals(Optional.of(ErrorCode.API_KEY_NOT_FOUND), ErrorCode.fromWireName("APIKeyNotFound"));
        assertEquals(Optional.of(ErrorCode.USERPASS_TOKEN_INVALID), ErrorCode.fromWireName("UserpassTokenInvalid"));
        assertEquals(Optional.of(ErrorCode.APP_SERVER_ERROR), ErrorCode.fromWireName("AppServerError"));
        assertEquals(Optional.of(ErrorCode.NO_MATCHING_RULE_FOUND), ErrorCode.fromWireName("NoMatchingRule"));
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code() >= 4300) {
                assertEquals(Optional.of(code), ErrorCode.fromWireName(code.wireName()), code.name());
            }
        }
    }

    @Test
    void httpErrorHasItsOwnCategory() {
        assertEquals(Optional.of(ErrorCode.HTTP_ERROR), ErrorCode.fromWireName("HTTPError"));
        assertEquals(4309, ErrorCode.HTTP_ERROR.code());
        assertEquals(ErrorCode.Category.HTTP, ErrorCode.HTTP_ERROR.category());
        assertEquals(ErrorCode.Category.SERVICE, ErrorCode.USER_NOT_FOUND.category());
    }

    @Test
    void doesNotFindClientCodesOrUnknownNames() {
        assertEquals(Optional.empty(), ErrorCode.fromWireName("ClientUserNotFound"));
        assertEquals(Optional.empty(), ErrorCode.fromWireName("CustomError"));
        assertEquals(Optional.empty(), ErrorCode.fromWireName("BadToken"));
        assertEquals(Optional.empty(), ErrorCode.fromWireName("RuntimeError"));
        assertEquals(Optional.empty(), ErrorCode.fromWireName("invalidsession"));
        assertEquals(Optional.empty(), ErrorCode.fromWireName(null));
    }

    @Test
    void clientCodesHaveTheirCategories() {
        assertEquals(ErrorCode.Category.CUSTOM, ErrorCode.CUSTOM_ERROR.category());
        assertEquals(4000, ErrorCode.CUSTOM_ERROR.code());
        assertEquals("ClientAppClosed", ErrorCode.CLIENT_APP_CLOSED.wireName());
        assertEquals(4102, ErrorCode.CLIENT_APP_CLOSED.code());
        assertTrue(Arrays.stream(ErrorCode.values())
                .filter(c -> c.code() / 100 == 41)
                .allMatch(c -> c.category() == ErrorCode.Category.CLIENT));
        assertTrue(Arrays.stream(ErrorCode.values())
                .filter(c -> c.code() / 100 == 42)
                .allMatch(c -> c.category() == ErrorCode.Category.JSON));
    }
}
