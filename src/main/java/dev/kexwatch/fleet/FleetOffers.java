package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.algorithm.ServerOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The latest offers of the fleet, read from {@code host_status} → {@code observation} → {@code offer}. A host
 * whose latest probe failed has no offer and is left out (counted by {@link #withoutOffer}). Offers are
 * stored once however many hosts share them, so callers can negotiate per distinct offer.
 */
@ApplicationScoped
public class FleetOffers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATEST = """
             from host_status s
             join host h on h.id = s.host_id
             join observation o on o.id = s.observation_id
            where h.enabled and h.labels @> cast(:selector as jsonb)""";

    @Inject
    EntityManager em;

    /** Enabled hosts carrying every label of the selector that have an offer, in id order. */
    @Transactional
    public List<FleetHost> hosts(Map<String, String> selector) {
        return query(selector, "");
    }

    /** One host, when it is enabled and its latest result has an offer. */
    @Transactional
    public Optional<FleetHost> host(long hostId) {
        return query(Map.of(), " and h.id = " + hostId).stream().findFirst();
    }

    private List<FleetHost> query(Map<String, String> selector, String condition) {
        Labels.planPerSelector(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select h.id, h.address, h.port, cast(h.labels as text), "
                + "o.identification, o.offer_id" + LATEST + condition + " and o.offer_id is not null order by h.id")
                .setParameter("selector", json(selector)).getResultList();
        Map<Long, ServerOffer> offers = offers(rows.stream().map(r -> ((Number) r[5]).longValue()).distinct().toList());
        return rows.stream().map(r -> new FleetHost(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), labels((String) r[3]), Optional.ofNullable((String) r[4]),
                offers.get(((Number) r[5]).longValue()))).toList();
    }

    /** Hosts of the selector whose latest probe captured no offer (refused, timed out, not SSH, ...). */
    @Transactional
    public long withoutOffer(Map<String, String> selector) {
        return ((Number) em.createNativeQuery("select count(*)" + LATEST + " and o.offer_id is null")
                .setParameter("selector", json(selector)).getSingleResult()).longValue();
    }

    /** Every distinct latest offer of enabled hosts, with how many hosts offer it: what the gauges need. */
    @Transactional
    public Map<ServerOffer, Long> distinctOffers() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select o.offer_id, count(*)" + LATEST
                + " and o.offer_id is not null group by o.offer_id").setParameter("selector", "{}").getResultList();
        Map<Long, ServerOffer> offers = offers(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        return rows.stream().collect(Collectors.toMap(r -> offers.get(((Number) r[0]).longValue()),
                r -> ((Number) r[1]).longValue(), Long::sum));
    }

    private static Map<Long, ServerOffer> offers(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<StoredOffer> stored = StoredOffer.list("id in ?1", ids);
        return stored.stream().collect(Collectors.toMap(o -> o.id, StoredOffer::toOffer, (a, b) -> a, HashMap::new));
    }

    private static Map<String, String> labels(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("host labels are not a JSON object: " + json, e);
        }
    }

    private static String json(Map<String, String> selector) {
        try {
            return JSON.writeValueAsString(selector);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
