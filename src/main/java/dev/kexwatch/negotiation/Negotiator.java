package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.algorithm.Trait;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulates SSH algorithm negotiation (RFC 4253 §7.1) as the OpenSSH client does it ({@code kex.c}
 * {@code kex_choose_conf}): per list the chosen name is the first client name the server also lists. Order:
 * kex, host key, then per direction cipher, MAC, compression; the client handles server-to-client first
 * (its {@code MODE_IN}), then client-to-server. The MAC is not negotiated for an AEAD cipher (OpenSSH
 * {@code PROTOCOL} §1.6). Signal names are never chosen. Pure and thread-safe.
 */
public final class Negotiator {

    /** The order in which the OpenSSH client checks the lists; the first mismatch here is what it reports. */
    static final List<KexList> OPENSSH_CLIENT_ORDER = List.of(KexList.KEX, KexList.HOST_KEY, KexList.CIPHER_S2C,
            KexList.MAC_S2C, KexList.COMPRESSION_S2C, KexList.CIPHER_C2S, KexList.MAC_C2S, KexList.COMPRESSION_C2S);

    private final FixAdvisor advisor;

    public Negotiator(FixAdvisor advisor) {
        this.advisor = advisor;
    }

    public Negotiator() {
        this(FixAdvisor.byStrength());
    }

    /** True for a cipher the catalog marks AEAD (its own integrity tag; the MAC list is then not negotiated). */
    public static boolean isAead(String cipher) {
        return AlgorithmCatalog.builtin().describe(Category.CIPHER, cipher).has(Trait.AEAD);
    }

    /** Negotiates one client profile against one OpenSSH server's offer. */
    public NegotiationResult negotiate(ClientProfile client, ServerOffer offer) {
        return negotiate(client, offer, ServerSoftware.Kind.OPENSSH);
    }

    /** Negotiates one client profile against one server offer; fixes say only what {@code server} can enable. */
    public NegotiationResult negotiate(ClientProfile client, ServerOffer offer, ServerSoftware.Kind server) {
        Map<KexList, String> chosen = new EnumMap<>(KexList.class);
        List<Mismatch> mismatches = new ArrayList<>();
        choose(client, offer, chosen, mismatches);
        Optional<Mismatch> failure = OPENSSH_CLIENT_ORDER.stream()
                .flatMap(list -> mismatches.stream().filter(m -> m.list() == list)).findFirst();
        failure.ifPresent(first -> chosen.keySet().removeIf(list -> reachedAfter(list, first.list())));
        List<Fix> fixes = failure.map(f -> advisor.advise(f, client, server)).orElse(List.of());
        return new NegotiationResult(client.id(), chosen, failure, mismatches, SignalReport.of(client, offer),
                guessMatches(client, offer), fixes);
    }

    /**
     * Whether the pair agrees on every list, and nothing else: no fixes, signals or guesses, which for a hostile
     * offer of thousands of names cost seconds per fleet refresh (the gauges ask this of every profile and offer).
     */
    public boolean agrees(ClientProfile client, ServerOffer offer) {
        List<Mismatch> mismatches = new ArrayList<>();
        choose(client, offer, new EnumMap<>(KexList.class), mismatches);
        return mismatches.isEmpty();
    }

    /** RFC 4253 §7.1 per list: the name chosen, or the mismatch; a MAC is not negotiated under an AEAD cipher. */
    private static void choose(ClientProfile client, ServerOffer offer, Map<KexList, String> chosen,
            List<Mismatch> mismatches) {
        for (KexList list : ClientProfile.NEGOTIATED) {
            if (list.category() == Category.MAC && cipherIsAead(client, offer, list)) {
                continue;
            }
            Optional<String> match = firstCommon(client.get(list), offer.get(list));
            match.ifPresentOrElse(name -> chosen.put(list, name),
                    () -> mismatches.add(new Mismatch(list, client.get(list), offer.get(list))));
        }
    }

    /** RFC 4253 §7.1: the first name on the client's list that is also on the server's; signals never match. */
    static Optional<String> firstCommon(List<String> client, List<String> server) {
        return client.stream().filter(name -> !name.isEmpty() && !Signals.isSignal(name)).filter(server::contains)
                .findFirst();
    }

    private static boolean cipherIsAead(ClientProfile client, ServerOffer offer, KexList macList) {
        Direction direction = macList.direction().orElseThrow();
        KexList cipher = KexList.of(Category.CIPHER, direction);
        return firstCommon(client.get(cipher), offer.get(cipher)).filter(Negotiator::isAead).isPresent();
    }

    /** OpenSSH stops at the first failure: lists it would check after that one were never chosen. */
    private static boolean reachedAfter(KexList list, KexList failed) {
        return OPENSSH_CLIENT_ORDER.indexOf(list) > OPENSSH_CLIENT_ORDER.indexOf(failed);
    }

    /**
     * OpenSSH {@code proposals_match}: a guessed first kex packet is right only when the first kex name and the
     * first host-key name are the same on both sides (RFC 4253 §7.1 "first_kex_packet_follows").
     */
    static boolean guessMatches(ClientProfile client, ServerOffer offer) {
        return sameFirst(client.get(KexList.KEX), offer.get(KexList.KEX))
                && sameFirst(client.get(KexList.HOST_KEY), offer.get(KexList.HOST_KEY));
    }

    private static boolean sameFirst(List<String> a, List<String> b) {
        return !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0));
    }
}
