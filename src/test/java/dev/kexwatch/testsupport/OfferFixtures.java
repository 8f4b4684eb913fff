package dev.kexwatch.testsupport;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * KEXINIT offers captured from real servers on this machine ({@code src/test/resources/offers/*.yaml}, each with a
 * comment saying how), and a builder for hand-made offers.
 */
public final class OfferFixtures {

    public static final List<String> CAPTURED = List.of("openssh-legacy", "openssh-hardened", "dropbear", "tinysshd");

    private OfferFixtures() {
    }

    @SuppressWarnings("unchecked")
    public static ServerOffer captured(String name) {
        try (InputStream in = OfferFixtures.class.getResourceAsStream("/offers/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no offer fixture " + name);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> lists = (Map<String, String>) root.get("lists");
            EnumMap<KexList, List<String>> map = new EnumMap<>(KexList.class);
            for (KexList list : KexList.values()) {
                map.put(list, ServerOffer.split(lists.get(list.key())));
            }
            return new ServerOffer(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An offer with the same cipher, MAC and compression lists in both directions. */
    public static ServerOffer offer(String kex, String hostKey, String ciphers, String macs, String compression) {
        return ServerOffer.fromRaw(List.of(kex, hostKey, ciphers, ciphers, macs, macs, compression, compression, "", ""));
    }
}
