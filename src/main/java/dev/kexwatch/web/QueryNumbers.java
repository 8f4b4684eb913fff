package dev.kexwatch.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whole-number query parameters ({@code page}, {@code size}, {@code scan}): a value that is not a number is a 400
 * problem naming the parameter. JAX-RS answers 404 for it otherwise, as if the resource did not exist.
 */
@Provider
public class QueryNumbers implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = queryName(annotations);
        if (name.isEmpty()) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Whole<>(name.get(), Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Whole<>(name.get(), Long::valueOf);
        }
        return null;
    }

    private static Optional<String> queryName(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return Optional.of(q.value());
            }
        }
        return Optional.empty();
    }

    private record Whole<N extends Number>(String name, Function<String, N> parse) implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            try {
                return value == null ? null : parse.apply(value.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException(Problem.of(Status.BAD_REQUEST, "bad query parameter", List.of(
                        new Problem.FieldError(name, "expected a whole number")))
                        .toResponse());
            }
        }

        @Override
        public String toString(N value) {
            return value.toString();
        }
    }
}
