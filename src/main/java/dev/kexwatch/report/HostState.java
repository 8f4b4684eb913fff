package dev.kexwatch.report;

/** The compliance state of a host, as its latest result says. */
public enum HostState {
    compliant, non_compliant, unreachable, unscanned
}
