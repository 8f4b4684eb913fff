package dev.kexwatch.pages;

/**
 * Who is looking at a page and what they may do there. {@code csrf} is the token forms must send back; it is
 * empty when nobody is signed in through the session cookie (a bearer header is never sent by a browser on its
 * own, so forms of such visitors need none).
 */
public record Visitor(String name, boolean signedIn, boolean canRead, boolean canOperate, String csrf) {
}
