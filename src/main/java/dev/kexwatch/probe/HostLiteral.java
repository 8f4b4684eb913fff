package dev.kexwatch.probe;

import java.util.regex.Pattern;

/** Tells IP literals, which need no DNS lookup, from host names. */
final class HostLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostLiteral() {
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }
}
