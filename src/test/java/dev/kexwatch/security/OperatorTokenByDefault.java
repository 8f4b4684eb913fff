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
 * Before each {@code @QuarkusTest} method, makes RestAssured send an operator token with every request that
 * has no {@code Authorization} header of its own, so tests written before the API was secured keep working
 * unchanged. Classes marked {@link NoDefaultToken} send none. Registered in {@code META-INF/services}.
 */
public class OperatorTokenByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(DefaultToken.class::isInstance);
        if (!context.getTestInstance().getClass().isAnnotationPresent(NoDefaultToken.class)) {
            filters.add(new DefaultToken());
        }
        RestAssured.replaceFiltersWith(filters);
    }

    /** A filter rather than a request specification: a specification would also pin the port and base URI. */
    private static final class DefaultToken implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + TestTokens.operator());
            }
            return context.next(request, response);
        }
    }
}
