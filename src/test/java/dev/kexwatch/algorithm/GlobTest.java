package dev.kexwatch.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        assertThat(Glob.compile("*-sha1").matches("diffie-hellman-group14-sha1")).isTrue();
        assertThat(Glob.compile("*-sha1").matches("hmac-sha1-96")).isFalse();
        assertThat(Glob.compile("ssh-rsa-cert-v0?@openssh.com").matches("ssh-rsa-cert-v01@openssh.com")).isTrue();
        assertThat(Glob.compile("gss-gex-sha1-*").matches("gss-gex-sha1-toWM5Slw5Ew8Mqkay+al2g==")).isTrue();
    }

    @Test
    void dotsAndPlusAreLiteral() {
        assertThat(Glob.compile("aes128-ctr").matches("aes128Xctr")).isFalse();
        assertThat(Glob.compile("curve25519-sha256@libssh.org").matches("curve25519-sha256@libsshXorg")).isFalse();
    }

    @Test
    void literalMeansNoWildcard() {
        assertThat(Glob.compile("none").isLiteral()).isTrue();
        assertThat(Glob.compile("arcfour*").isLiteral()).isFalse();
    }

    @Test
    void refusesCharactersNoAlgorithmNameHas() {
        assertThatThrownBy(() -> Glob.compile("*-sha1,*-md5")).hasMessageContaining("character ','");
        assertThatThrownBy(() -> Glob.compile("aes[0-9]-cbc")).hasMessageContaining("character '['");
        assertThat(Glob.parse("")).isEmpty();
    }
}
