package dev.kexwatch.probe;

/** Makes server-supplied text safe to show in a detail sentence: escaped (see {@link ServerText}), bounded. */
final class Printable {

    private static final int MAX_CHARS = 200;

    private Printable() {
    }

    static String of(String text) {
        return ServerText.bounded(text, MAX_CHARS);
    }
}
