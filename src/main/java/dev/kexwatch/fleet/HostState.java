package dev.kexwatch.fleet;

/** The compliance state of a host, as its latest result says. */
public enum HostState {
    compliant, non_compliant, unreachable, unscanned;

    /** @throws IllegalArgumentException listing the states when the text is none of them */
    public static HostState parse(String text) {
        for (HostState state : values()) {
            if (state.name().equalsIgnoreCase(text.strip())) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of compliant, non_compliant, unreachable, unscanned");
    }
}
