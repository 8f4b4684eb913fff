package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.Verdict;
import java.util.List;
import java.util.Set;

/** What a rule tests. Name checks ignore signal names (ext-info-*, kex-strict-*, kexguess2) except require-one-of. */
public sealed interface Check {

    /** The YAML key or {@code check:} value that selects this kind. */
    String kind();

    /** Offering any name matching one of these globs breaks the rule. */
    record Forbid(List<Glob> names) implements Check {
        public Forbid {
            names = List.copyOf(names);
        }

        public String kind() {
            return "forbid";
        }
    }

    /** Offering any name matching none of these globs breaks the rule. */
    record AllowOnly(List<Glob> names) implements Check {
        public AllowOnly {
            names = List.copyOf(names);
        }

        public String kind() {
            return "allow-only";
        }
    }

    /** Offering no name matching one of these globs breaks the rule. */
    record RequireOneOf(List<Glob> names) implements Check {
        public RequireOneOf {
            names = List.copyOf(names);
        }

        public String kind() {
            return "require-one-of";
        }
    }

    /** Offering a name whose catalog verdict is one of these breaks the rule ({@code unknown} catches new names). */
    record ForbidVerdict(Set<Verdict> verdicts) implements Check {
        public ForbidVerdict {
            verdicts = Set.copyOf(verdicts);
        }

        public String kind() {
            return "forbid-verdict";
        }
    }

    /**
     * Terrapin (CVE-2023-48795): {@code chacha20-poly1305@openssh.com}, or a CBC cipher with an {@code -etm} MAC, offered
     * without {@code kex-strict-s-v00@openssh.com} (OpenSSH {@code PROTOCOL} §1.10).
     */
    record Terrapin() implements Check {
        public String kind() {
            return "terrapin";
        }
    }

    /** A list where the policy's other rules leave nothing acceptable: no client could connect within the policy. */
    record NothingAcceptable() implements Check {
        public String kind() {
            return "nothing-acceptable";
        }
    }

    /**
     * SSH protocol 1 (RFC 4253 §5.1): {@code only} breaks the rule when the server speaks nothing but protocol 1
     * (an identification {@code SSH-1.x} other than 1.99); otherwise when protocol 1 is still enabled beside 2.0
     * ({@code SSH-1.99}).
     */
    record Protocol1(boolean only) implements Check {
        public String kind() {
            return only ? "ssh1-only" : "ssh1-enabled";
        }
    }

    /**
     * A check on the deep handshake (issue 12), judged only when a scan ran one: host key sizes (NIST SP 800-57
     * Part 1 Rev. 5 §5.6.1), group-exchange moduli (RFC 8270 §3) and host certificates.
     *
     * @param keyType the key type a {@code min-key-bits} rule applies to ({@code ssh-rsa}, {@code ssh-dss}, ...)
     * @param value bits for the size checks, days for {@code cert-expires-within-days}
     */
    record Deep(DeepKind deepKind, String keyType, int value) implements Check {
        public String kind() {
            return deepKind.id();
        }
    }

    /** The deep checks and their YAML keys. */
    enum DeepKind {
        MIN_KEY_BITS("min-key-bits"),
        MIN_GROUP_BITS("min-group-bits"),
        CERT_CA_MIN_BITS("cert-ca-min-bits"),
        CERT_EXPIRES_WITHIN_DAYS("cert-expires-within-days"),
        /** {@code check: host-key-signatures}: an exchange-hash or certificate CA signature that does not verify. */
        HOST_KEY_SIGNATURES("host-key-signatures");

        private final String id;

        DeepKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Login methods a host must not allow, judged on the auth-methods probe (never on an offer): a method the host
     * lists after {@code none}, or {@code none} itself when it let the probe user in.
     */
    record ForbidAuthMethod(List<String> methods) implements Check {
        public ForbidAuthMethod {
            methods = List.copyOf(methods);
        }

        public String kind() {
            return "forbid-auth-method";
        }
    }
}
