package dev.appservices.extension.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.appservices.extension.internal.client.rest.AppServicesApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The endpoint table against the Rest Client interface it names: same methods, paths, placeholders and queries. */
class EndpointTest {

    /** Every method of {@code AppServicesApi} that sends a request, by name. */
    private static final Map<String, Method> REST_METHODS = Arrays.stream(AppServicesApi.class.getMethods())
            .filter(method -> httpMethod(method) != null)
            .collect(Collectors.toMap(
                    Method::getName,
                    Function.identity(),
                    (a, b) -> {
                        throw new AssertionError("overloaded Rest Client method " + a.getName());
                    },
                    TreeMap::new));

    @Test
    void everyEndpointMatchesItsRestClientMethod() {
        for (Endpoint endpoint : Endpoint.values()) {
            Method method = REST_METHODS.get(endpoint.restMethod());
            assertNotNull(method, endpoint + " names no Rest Client method " + endpoint.restMethod());
            assertEquals(httpMethod(method), endpoint.method(), endpoint + ": HTTP method");

            String[] pathAndQuery = endpoint.template().split("\\?", 2);
            String path = AppServicesApi.class.getAnnotation(Path.class).value()
                    + method.getAnnotation(Path.class).value();
            assertEquals(path, pathAndQuery[0], endpoint + ": path");
            assertEquals(
                    Endpoint.PREFIX,
                    AppServicesApi.class.getAnnotation(Path.class).value());

            List<String> pathParams = params(method, PathParam.class);
            List<String> inPath = endpoint.placeholders().stream()
                    .filter(name -> pathAndQuery[0].contains("{" + name + "}"))
                    .toList();
            assertEquals(new TreeSet<>(pathParams), new TreeSet<>(inPath), endpoint + ": path parameters");

            List<String> query = pathAndQuery.length == 1
                    ? List.of()
                    : Arrays.stream(pathAndQuery[1].split("&"))
                            .map(pair -> pair.split("=", 2)[0])
                            .toList();
            assertEquals(
                    new TreeSet<>(params(method, QueryParam.class)),
                    new TreeSet<>(query),
                    endpoint + ": query parameters");
        }
    }

    @Test
    void everyRestClientMethodHasOneEndpoint() {
        Map<String, List<Endpoint>> byMethod = new TreeMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            byMethod.computeIfAbsent(endpoint.restMethod(), name -> new ArrayList<>())
                    .add(endpoint);
        }
        for (String name : REST_METHODS.keySet()) {
            assertEquals(1, byMethod.getOrDefault(name, List.of()).size(), "endpoints of " + name);
        }
    }

    @Test
    void describesAConcreteRequest() {
        assertEquals(
                "POST /api/client/v2.0/app/app-1/auth/providers/local-userpass/login?link=true",
                Endpoint.LINK.describe("app-1", "local-userpass"));
        assertEquals("GET /api/client/v2.0/auth/profile", Endpoint.PROFILE.describe());
        assertEquals("PUT /api/client/v2.0/auth/api_keys/k1/enable", Endpoint.ENABLE_API_KEY.describe("k1"));
        assertEquals("POST /api/client/v2.0/app/{appId}/functions/call", Endpoint.CALL_FUNCTION.label());
        assertEquals(List.of("appId", "provider"), Endpoint.LOG_IN.placeholders());
    }

    @Test
    void refusesTheWrongNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.LOCATION.describe());
        assertThrows(IllegalArgumentException.class, () -> Endpoint.PROFILE.describe("extra"));
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static <A extends Annotation> List<String> params(Method method, Class<A> type) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            A annotation = parameter.getAnnotation(type);
            if (annotation instanceof PathParam path) {
                names.add(path.value());
            } else if (annotation instanceof QueryParam query) {
                names.add(query.value());
            }
        }
        return names;
    }
}
