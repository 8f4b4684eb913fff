package dev.kexwatch.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every statement on table {@code scan_run}; each runs in the caller's transaction. */
@ApplicationScoped
public class ScanRuns {

    public Optional<ScanRun> find(long id) {
        return ScanRun.findByIdOptional(id);
    }

    public Optional<ScanRun> running() {
        return ScanRun.running();
    }

    public Optional<ScanRun> latestFinished() {
        return ScanRun.latestFinished();
    }

    /** A page of runs, newest first. */
    public List<ScanRun> newestFirst(int page, int size) {
        return ScanRun.<ScanRun>find("order by startedAt desc, id desc").page(page, size).list();
    }

    public long count() {
        return ScanRun.count();
    }

    /** Whether a run for this cron fire time exists already (another replica's scheduler fired first). */
    public boolean scheduledAlready(Instant scheduledFor) {
        return ScanRun.count("scheduledFor", scheduledFor) > 0;
    }

    /** A new running run, stored (with its id) but with no hosts yet. */
    public ScanRun start(String trigger, Map<String, String> selector, Instant at, Instant scheduledFor) {
        ScanRun run = new ScanRun();
        run.trigger = trigger;
        run.selector = Map.copyOf(selector);
        run.status = ScanRun.Status.running;
        run.startedAt = at;
        run.scheduledFor = scheduledFor;
        run.persist();
        ScanRun.flush();
        return run;
    }

    /** The run running again, if it ended without finishing (cancelled, failed, interrupted). */
    public Optional<ScanRun> reopen(long id) {
        return ScanRun.<ScanRun>findByIdOptional(id)
                .filter(r -> r.status != ScanRun.Status.running && r.status != ScanRun.Status.finished)
                .map(r -> {
                    r.status = ScanRun.Status.running;
                    r.finishedAt = null;
                    r.cancelRequested = false;
                    ScanRun.flush();
                    return r;
                });
    }

    /** Asks a running run to stop; false if it is not running. */
    public boolean requestCancel(long id) {
        return ScanRun.update("cancelRequested = true where id = ?1 and status = ?2", id, ScanRun.Status.running) == 1;
    }

    /** Marks a running run failed. */
    public void fail(long id, Instant at) {
        ScanRun.update("status = ?1, finishedAt = ?2 where id = ?3 and status = ?4", ScanRun.Status.failed, at, id,
                ScanRun.Status.running);
    }

    /** Whether the run is over or gone. */
    public boolean ended(long id) {
        return find(id).map(r -> r.status != ScanRun.Status.running).orElse(true);
    }

    /** The run's status; failed for a run that is gone. */
    public ScanRun.Status status(long id) {
        return find(id).map(r -> r.status).orElse(ScanRun.Status.failed);
    }

    /** Whether a cancel was asked, or the run is gone. */
    public boolean cancelRequested(long id) {
        return find(id).map(r -> r.cancelRequested).orElse(true);
    }

    /** Deletes the runs that started before the cutoff and are not running; returns how many. */
    public long deleteEndedBefore(Instant cutoff) {
        return ScanRun.delete("startedAt < ?1 and status <> ?2", cutoff, ScanRun.Status.running);
    }

    /** Deletes the observations last seen before the cutoff that are no host's current one; returns how many. */
    public long deleteObservationsBefore(Instant cutoff) {
        return Observation.delete("lastSeenAt < ?1 and id not in (select s.observationId from HostStatus s)", cutoff);
    }

    /**
     * Writes the summary of an ended run: counts by outcome of every replica's results in it, and the compliance
     * states of the hosts it probed (not the fleet's: a label scan's summary speaks of its own hosts only).
     */
    public void writeSummary(long id) {
        ScanRun run = ScanRun.findById(id);
        ScanRun.getEntityManager().refresh(run); // ended by an update statement the entity did not see
        Map<String, Long> summary = new HashMap<>();
        ScanRun.getEntityManager()
                .createQuery("select o.outcome, count(o) from Observation o where o.lastScanId = :scan "
                        + "group by o.outcome", Object[].class)
                .setParameter("scan", id).getResultList()
                .forEach(row -> summary.put("outcome." + row[0], (Long) row[1]));
        ScanRun.getEntityManager()
                .createQuery("select s.state, count(s) from HostStatus s, Observation o where o.id = s.observationId "
                        + "and o.lastScanId = :scan group by s.state", Object[].class)
                .setParameter("scan", id).getResultList()
                .forEach(row -> summary.put("state." + row[0], (Long) row[1]));
        run.summary = summary;
    }
}
