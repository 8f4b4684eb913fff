package dev.kexwatch.probe;

/**
 * The identification line the probe sends (RFC 4253 §4.2): {@code SSH-2.0-kexwatch_VERSION}, so server
 * logs show who connected. The version comes from the jar's manifest; §4.2 forbids spaces and '-' in it.
 */
final class ClientIdentification {

    static final String LINE = "SSH-2.0-kexwatch_" + version();

    private ClientIdentification() {
    }

    private static String version() {
        String version = ClientIdentification.class.getPackage().getImplementationVersion();
        String raw = version == null || version.isBlank() ? "dev" : version;
        return raw.replaceAll("[^!-~]|-", "_");
    }
}
