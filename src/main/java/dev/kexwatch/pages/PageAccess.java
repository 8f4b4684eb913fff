package dev.kexwatch.pages;

import dev.kexwatch.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The roles of a page visitor, the same as the API's: a bearer header (checked by Quarkus like for the API), or
 * the bearer token a person pasted into the sign-in form, kept in an HttpOnly, SameSite=Strict cookie and
 * verified here with the API's key and issuer; reads are open with {@code kexwatch.security.open-reads}. The
 * cookie is read by the pages only, never by {@code /api}, so the API cannot be driven by a cross-site form.
 */
@RequestScoped
public class PageAccess {

    static final String COOKIE = "kexwatch_session";

    @Inject
    SecurityIdentity identity;

    @Inject
    JWTParser parser;

    @Inject
    CurrentVertxRequest request;

    @ConfigProperty(name = "kexwatch.security.open-reads", defaultValue = "false")
    boolean openReads;

    private Visitor visitor;

    public Visitor visitor() {
        if (visitor == null) {
            visitor = resolve();
        }
        return visitor;
    }

    /** The visitor must be able to read: otherwise off to the sign-in page, back here afterwards. */
    public Visitor reader(String here) {
        Visitor v = visitor();
        if (!v.canRead()) {
            throw Pages.redirect("/ui/login?then=" + java.net.URLEncoder.encode(here, StandardCharsets.UTF_8));
        }
        return v;
    }

    /** The visitor must be an operator and, when signed in through the cookie, send the form's CSRF token. */
    public Visitor operator(String csrf) {
        Visitor v = visitor();
        if (!v.canOperate()) {
            throw Pages.error(403, "Only operators may do this", "Sign in with an operator token.", v);
        }
        requireCsrf(v, csrf);
        return v;
    }

    /** A form of a signed-in visitor must carry the token of their session (constant-time comparison). */
    public void requireCsrf(Visitor v, String csrf) {
        if (v.signedIn() && (csrf == null || !MessageDigest.isEqual(
                v.csrf().getBytes(StandardCharsets.US_ASCII), csrf.getBytes(StandardCharsets.US_ASCII)))) {
            throw Pages.error(403, "The form has expired", "Reload the page and send the form again.", v);
        }
    }

    /** The token's claims if it is valid (signature, issuer, expiry) and names a kexwatch role. */
    Optional<JsonWebToken> verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            Set<String> groups = jwt.getGroups();
            return groups != null && (groups.contains(Roles.VIEWER) || groups.contains(Roles.OPERATOR))
                    ? Optional.of(jwt) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Visitor resolve() {
        if (!identity.isAnonymous()) {
            boolean operator = identity.hasRole(Roles.OPERATOR);
            return new Visitor(identity.getPrincipal().getName(), false,
                    openReads || operator || identity.hasRole(Roles.VIEWER), operator, "");
        }
        Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
        Optional<JsonWebToken> session = cookie == null ? Optional.empty() : verify(cookie.getValue());
        if (session.isEmpty()) {
            return new Visitor("", false, openReads, false, "");
        }
        boolean operator = session.get().getGroups().contains(Roles.OPERATOR);
        return new Visitor(session.get().getName(), true, true, operator, csrfOf(cookie.getValue()));
    }

    /**
     * The CSRF token of a session: an HMAC of a fixed text keyed with the session token itself. Only the browser
     * holding the HttpOnly cookie (and the server) can know it; it needs no server state, so any replica accepts it.
     */
    static String csrfOf(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal("kexwatch-csrf".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
