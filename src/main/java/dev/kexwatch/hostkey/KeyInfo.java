package dev.kexwatch.hostkey;

/**
 * A public key as {@code ssh-keygen -l} describes it.
 *
 * @param type the key's SSH type name, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}
 * @param bits RSA modulus, DSA p, ECDSA curve size, 256 for Ed25519
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the SHA-256 of the plain key blob
 */
public record KeyInfo(String type, int bits, String fingerprint) {
}
