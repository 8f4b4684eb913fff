package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The hosts of a run as claims in the database, shared by every replica: a replica takes a few pending hosts at
 * a time with {@code FOR UPDATE SKIP LOCKED} (two replicas never get the same host), holds them under a lease it
 * renews while probing, and marks them done with their results. A claim whose lease ran out belongs to a dead
 * replica and is taken over. Times are the database's ({@code now()}), so replicas' clocks do not matter.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ScanClaims {

    /** Serialises the creation of runs across replicas ({@code pg_try_advisory_xact_lock}). */
    private static final long START_LOCK = 0x6b65_7877_0001L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** False when another replica is creating or resuming a run right now: this one should not. */
    public boolean lockStart() {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, START_LOCK)
                .getSingleResult();
    }

    /** Every enabled host, whatever its labels. */
    public int enabledHosts() {
        return ((Number) em.createNativeQuery("select count(*) from host where enabled").getSingleResult()).intValue();
    }

    /**
     * Adds a pending claim for every enabled host the selector picks that the run has none for yet, and marks
     * done the hosts the run already has a result for (a run from before claims existed). Returns the claims.
     */
    public int fill(long scanId, Map<String, String> selector) {
        em.createNativeQuery("insert into scan_claim (scan_id, host_id) select ?1, id from host "
                + "where enabled and labels @> cast(?2 as jsonb) on conflict do nothing")
                .setParameter(1, scanId).setParameter(2, json(selector)).executeUpdate();
        em.createNativeQuery("update scan_claim c set done = true from observation o where c.scan_id = ?1 "
                + "and not c.done and o.host_id = c.host_id and o.last_scan_id = ?1").setParameter(1, scanId)
                .executeUpdate();
        // The claims are read at once, long before autovacuum samples them: planned for an empty table, each
        // "mark these 500 hosts done" walked every claim of the run (200 ms instead of 2 at 100,000 hosts).
        em.createNativeQuery("analyze scan_claim").executeUpdate();
        return count("select count(*) from scan_claim where scan_id = ?1", scanId);
    }

    /** Takes up to {@code limit} hosts that are pending or whose holder's lease ran out. */
    @SuppressWarnings("unchecked")
    public List<Long> claim(long scanId, String instance, int limit, Duration lease) {
        List<Number> ids = em.createNativeQuery("update scan_claim set claimed_by = ?2, lease_until = "
                + "now() + ?3 * interval '1 millisecond' where (scan_id, host_id) in (select scan_id, host_id "
                + "from scan_claim where scan_id = ?1 and not done and (lease_until is null or lease_until < now()) "
                + "order by host_id limit ?4 for update skip locked) returning host_id")
                .setParameter(1, scanId).setParameter(2, instance).setParameter(3, lease.toMillis())
                .setParameter(4, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Marks hosts done: their results are stored in this transaction. Rows are locked in host order, as
     * {@link #renew} locks them: the two in the heap's order (a bitmap scan, a sequential scan) deadlocked now
     * and then in a 100,000-host scan, and the batch of results was stored again on its retry.
     */
    public void done(long scanId, Collection<Long> hostIds) {
        em.createNativeQuery("update scan_claim set done = true where (scan_id, host_id) in (select scan_id, host_id "
                + "from scan_claim where scan_id = ?1 and host_id in (?2) order by host_id for update)")
                .setParameter(1, scanId).setParameter(2, hostIds).executeUpdate();
    }

    /** Extends the leases of this replica's claims (locked in host order, see {@link #done}) and its run membership. */
    public void renew(long scanId, String instance, Duration lease) {
        em.createNativeQuery("update scan_claim set lease_until = now() + ?3 * interval '1 millisecond' "
                + "where (scan_id, host_id) in (select scan_id, host_id from scan_claim "
                + "where scan_id = ?1 and claimed_by = ?2 and not done order by host_id for update)")
                .setParameter(1, scanId).setParameter(2, instance).setParameter(3, lease.toMillis()).executeUpdate();
        em.createNativeQuery("insert into scan_replica (scan_id, instance_id, alive_until) "
                + "values (?1, ?2, now() + ?3 * interval '1 millisecond') "
                + "on conflict (scan_id, instance_id) do update set alive_until = excluded.alive_until")
                .setParameter(1, scanId).setParameter(2, instance).setParameter(3, lease.toMillis()).executeUpdate();
    }

    /** Hands back this replica's unprobed hosts of a run and leaves it. */
    public void leave(long scanId, String instance) {
        em.createNativeQuery("update scan_claim set claimed_by = null, lease_until = null "
                + "where scan_id = ?1 and claimed_by = ?2 and not done")
                .setParameter(1, scanId).setParameter(2, instance).executeUpdate();
        em.createNativeQuery("delete from scan_replica where scan_id = ?1 and instance_id = ?2")
                .setParameter(1, scanId).setParameter(2, instance).executeUpdate();
    }

    /** At start-up: what a previous process with this instance id held is free, since that process is gone. */
    public void forget(String instance) {
        em.createNativeQuery("update scan_claim set claimed_by = null, lease_until = null "
                + "where claimed_by = ?1 and not done").setParameter(1, instance).executeUpdate();
        em.createNativeQuery("delete from scan_replica where instance_id = ?1").setParameter(1, instance)
                .executeUpdate();
    }

    /** Releases every unprobed claim of a run: it is being resumed, nobody works on it. */
    public void reset(long scanId) {
        em.createNativeQuery("update scan_claim set claimed_by = null, lease_until = null "
                + "where scan_id = ?1 and not done").setParameter(1, scanId).executeUpdate();
    }

    /** Whether the run has hosts a replica could take now. */
    public boolean claimable(long scanId) {
        return count("select count(*) from scan_claim where scan_id = ?1 and not done "
                + "and (lease_until is null or lease_until < now())", scanId) > 0;
    }

    /** Whether another replica than {@code instance} is alive in the run. */
    public boolean othersAlive(long scanId, String instance) {
        return ((Number) em.createNativeQuery("select count(*) from scan_replica where scan_id = ?1 "
                + "and instance_id <> ?2 and alive_until > now()").setParameter(1, scanId).setParameter(2, instance)
                .getSingleResult()).longValue() > 0;
    }

    /** Marks interrupted the running runs that no live replica works on: they were cut off. */
    public int interruptOrphans() {
        return em.createNativeQuery("update scan_run r set status = ?1 where status = ?2 "
                + "and not exists (select 1 from scan_replica p where p.scan_id = r.id and p.alive_until > now())")
                .setParameter(1, ScanRun.Status.interrupted.name()).setParameter(2, ScanRun.Status.running.name())
                .executeUpdate();
    }

    /**
     * Ends the run if it is over: finished when no host is pending; cancelled when a cancel was asked and no
     * replica holds a live claim any more. True for the one caller that ended it.
     */
    public boolean endIfOver(long scanId) {
        boolean ended = em.createNativeQuery("update scan_run set finished_at = now(), status = case when "
                + "cancel_requested then ?2 else ?3 end where id = ?1 and status = ?4 and "
                + "(not exists (select 1 from scan_claim where scan_id = ?1 and not done) or (cancel_requested and "
                + "not exists (select 1 from scan_claim where scan_id = ?1 and not done and lease_until > now())))")
                .setParameter(1, scanId).setParameter(2, ScanRun.Status.cancelled.name())
                .setParameter(3, ScanRun.Status.finished.name()).setParameter(4, ScanRun.Status.running.name())
                .executeUpdate() == 1;
        if (ended) {
            // Claims of earlier finished runs are needed no more; kept, they would cost a row per host per scan.
            // This run's stay as its record of who probed what; a cancelled run's stay for a resume.
            em.createNativeQuery("delete from scan_claim where scan_id < ?1 and scan_id in "
                    + "(select id from scan_run where status = ?2)").setParameter(1, scanId)
                    .setParameter(2, ScanRun.Status.finished.name()).executeUpdate();
        }
        return ended;
    }

    private static String json(Map<String, String> selector) {
        try {
            return JSON.writeValueAsString(selector);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, long scanId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, scanId).getSingleResult()).intValue();
    }
}
