package dev.kexwatch.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * Before each {@code @QuarkusTest} method, makes RestAssured send the token of the role the class declares with
 * {@link CallsAs}, on requests that carry no {@code Authorization} header of their own; a class that declares
 * none sends no token. Registered in {@code META-INF/services}.
 */
public class DeclaredCaller implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(RoleToken.class::isInstance);
        CallsAs caller = context.getTestInstance().getClass().getAnnotation(CallsAs.class);
        if (caller != null) {
            filters.add(new RoleToken(token(caller.value())));
        }
        RestAssured.replaceFiltersWith(filters);
    }

    private static String token(String role) {
        return switch (role) {
            case Roles.OPERATOR -> TestTokens.operator();
            case Roles.VIEWER -> TestTokens.viewer();
            default -> throw new IllegalArgumentException("@CallsAs(\"" + role + "\"): no such role");
        };
    }

    /** A filter rather than a request specification: a specification would also pin the port and base URI. */
    private record RoleToken(String token) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + token);
            }
            return context.next(request, response);
        }
    }
}
