package dev.kexwatch.probe;

/** Tells IP literals, which need no DNS lookup, from host names. */
final class HostLiteral {

    private HostLiteral() {
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || isDottedQuad(host);
    }

    /** Four groups of one to three ASCII digits separated by dots; a scan, not a regex: it runs per target. */
    private static boolean isDottedQuad(String host) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
            } else if (c == '.' && digits > 0 && dots < 3) {
                dots++;
                digits = 0;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}
