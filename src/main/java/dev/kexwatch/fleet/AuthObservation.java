package dev.kexwatch.fleet;

import dev.kexwatch.auth.AuthMethods;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A run of identical answers of one host to the auth-methods probe, from {@code firstSeenAt} to {@code lastSeenAt}.
 * A new row starts when the user, a method, the order or {@code noneAccepted} changes.
 */
@Entity
@Table(name = "auth_observation")
public class AuthObservation extends ObservedRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auth_observation_seq")
    @SequenceGenerator(name = "auth_observation_seq", sequenceName = "auth_observation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "probe_user", nullable = false)
    public String probeUser;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> methods = List.of();

    @Column(name = "none_accepted", nullable = false)
    public boolean noneAccepted;

    /** The answer as the CLI reports it. */
    public AuthMethods answer() {
        return new AuthMethods(probeUser, methods, noneAccepted);
    }

    /** The methods that let a user in or may continue: {@code none} first when it let the probe user in. */
    public List<String> allowed() {
        return allowed(answer());
    }

    /** As {@link #allowed()}, for an answer not stored yet. */
    public static List<String> allowed(AuthMethods answer) {
        List<String> allowed = new ArrayList<>(answer.methods());
        if (answer.noneAccepted()) {
            allowed.add(0, "none");
        }
        return allowed;
    }

    boolean sameAs(AuthMethods answer) {
        return probeUser.equals(answer.user()) && methods.equals(answer.methods())
                && noneAccepted == answer.noneAccepted();
    }
}
