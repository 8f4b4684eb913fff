package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What-if patterns go through the one glob matcher: a pattern full of wildcards is as cheap as a plain one. */
class SshdConfigChangeTest {

    @Test
    void removingByAPatternOfManyWildcardsTakesNoTime() {
        // 40 a's and ten wildcards: a backtracking regex tries C(40, 10) placements before it gives up
        List<String> names = List.of(String.join("", Collections.nCopies(40, "a")), "aes128-cbc", "aes256-ctr");
        List<String> left = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> SshdConfigChange.change(names, "-" + "*a".repeat(10) + "*-cbc,aes128-*"));
        assertThat(left).containsExactly(names.get(0), "aes256-ctr");
    }
}
