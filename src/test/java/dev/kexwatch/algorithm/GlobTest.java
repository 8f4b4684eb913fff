package dev.kexwatch.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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

    @Test
    void manyWildcardsCostNoMoreThanFew() {
        String pattern = "*a".repeat(10) + "*b";
        String name = "a".repeat(20_000);
        // A backtracking regex tries C(20000, 10) placements here before it gives up; the glob takes milliseconds.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> { // milliseconds alone; slack for a loaded machine
            assertThat(Glob.compile(pattern).matches(name)).isFalse();
            assertThat(Glob.compile(pattern).matches(name + "b")).isTrue();
            assertThat(Glob.matches(pattern, name)).isFalse();
        });
    }

    @Test
    void segmentsMatchInOrderWithoutOverlap() {
        assertThat(Glob.matches("a*b*c", "abc")).isTrue();
        assertThat(Glob.matches("a*b*c", "acb")).isFalse();
        assertThat(Glob.matches("*aa*aa*", "aaa")).isFalse();
        assertThat(Glob.matches("*aa*aa*", "aaaa")).isTrue();
        assertThat(Glob.matches("a?c*", "abcdef")).isTrue();
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("a*a", "a")).isFalse();
        assertThat(Glob.matches("??", "a")).isFalse();
        assertThat(Glob.matches("[x]", "[x]")).isTrue(); // what-if patterns are not regexes either
    }
}
