package dev.kexwatch.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Signing in with the API's bearer token, kept in a cookie the pages read; and the way in at {@code /}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @Inject
    PageAccess access;

    @Inject
    CurrentVertxRequest request;

    /** The service's front door leads to the fleet. */
    @GET
    public Response root() {
        return Response.seeOther(URI.create("/ui/fleet")).build();
    }

    @GET
    @Path("ui")
    public Response ui() {
        return root();
    }

    @GET
    @Path("ui/login")
    public TemplateInstance form(@QueryParam("then") String then) {
        return Views.login(access.visitor(), local(then), "");
    }

    @POST
    @Path("ui/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("then") String then) {
        String jwt = token == null ? "" : token.strip();
        if (jwt.regionMatches(true, 0, "Bearer ", 0, 7)) {
            jwt = jwt.substring(7).strip();
        }
        JsonWebToken claims = access.verify(jwt).orElse(null);
        if (claims == null) {
            return Response.status(401).entity(Views.login(access.visitor(), local(then),
                    "That token is not valid here: expired, signed by another key, from another issuer, "
                            + "or without the viewer or operator role.")).build();
        }
        long seconds = Math.max(1, claims.getExpirationTime() - Instant.now().getEpochSecond());
        return Response.seeOther(URI.create(local(then))).cookie(cookie(jwt, (int) Math.min(seconds, Integer.MAX_VALUE)))
                .build();
    }

    @POST
    @Path("ui/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf) {
        access.requireCsrf(access.visitor(), csrf);
        return Response.seeOther(URI.create("/ui/login")).cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        boolean https = request.getCurrent().request().isSSL()
                || "https".equalsIgnoreCase(request.getCurrent().request().getHeader("X-Forwarded-Proto"));
        return new NewCookie.Builder(PageAccess.COOKIE).value(value).path("/ui").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** Only a page of this site, never another origin ({@code //host}, {@code https://…}): no open redirect. */
    static String local(String then) {
        return then != null && then.startsWith("/ui/") && !then.contains("\\") && !then.contains("//")
                ? then : "/ui/fleet";
    }
}
