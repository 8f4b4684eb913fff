package dev.kexwatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bounds the {@code uri} tag of {@code http.server.requests} to the service's own routes. A request refused
 * before any route ran (401/403 from the HTTP permission layer, a 405, a 413) is tagged with its raw path, so
 * random paths from anonymous callers would each add a series until Micrometer's URI tag limit, after which
 * real endpoints go unrecorded. Under a prefix the service's resources serve ({@code /api}, {@code /ui}), a
 * {@code uri} that is not one of their path templates becomes {@value #UNMATCHED}.
 */
public final class UriTags implements MeterFilter {

    static final String UNMATCHED = "UNMATCHED";
    private static final String METER = "http.server.requests";

    private final Set<String> templates;
    private final Set<String> prefixes;

    UriTags(Set<String> templates) {
        this.templates = Set.copyOf(templates);
        Set<String> firstSegments = new TreeSet<>();
        for (String template : templates) {
            int next = template.indexOf('/', 1);
            String first = next < 0 ? template : template.substring(0, next);
            if (first.length() > 1 && !first.contains("{")) {
                firstSegments.add(first);
            }
        }
        this.prefixes = firstSegments;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (!METER.equals(id.getName()) || uri == null || templates.contains(uri) || !underOurPrefix(uri)) {
            return id;
        }
        List<Tag> tags = id.getTags().stream().map(t -> "uri".equals(t.getKey()) ? Tag.of("uri", UNMATCHED) : t).toList();
        return id.replaceTags(tags);
    }

    private boolean underOurPrefix(String uri) {
        return prefixes.stream().anyMatch(p -> uri.equals(p) || uri.startsWith(p + "/"));
    }

    /** The path templates of every JAX-RS resource method, spelt as Quarkus spells the {@code uri} tag. */
    static Set<String> templatesOf(Collection<Class<?>> resources) {
        Set<String> templates = new TreeSet<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            templates.add(normalise(root.value()));
            for (Method method : resource.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    templates.add(normalise(root.value() + "/" + sub.value()));
                }
            }
        }
        return templates;
    }

    static String normalise(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Producer: the resources are beans, so the bean manager lists them. */
    @Singleton
    static final class Producer {

        @Produces
        @Singleton
        MeterFilter uriTags(BeanManager beans) {
            List<Class<?>> classes = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                    .<Class<?>>map(Bean::getBeanClass).filter(c -> c.isAnnotationPresent(Path.class)).toList();
            return new UriTags(templatesOf(classes));
        }
    }
}
