package dev.kexwatch.fleet;

import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.PolicyProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Every write of table {@code policy_document}. Each write is one upsert, so replicas writing at once cannot
 * collide on the key, and every change bumps the {@code policies} generation in its transaction.
 */
@ApplicationScoped
public class PolicyDocuments {

    /** One policy's text and where it comes from. */
    public record Document(String id, String source, String yaml) {
    }

    private static final String UPSERT = """
            insert into policy_document (id, origin, source, yaml, updated_at)
            values (:id, :origin, :source, :yaml, :at)
            on conflict (id) do update set origin = excluded.origin, source = excluded.source, yaml = excluded.yaml,
                   updated_at = excluded.updated_at
             where (policy_document.origin, policy_document.source, policy_document.yaml)
                   is distinct from (excluded.origin, excluded.source, excluded.yaml)""";

    @Inject
    EntityManager em;

    @Inject
    Generations generations;

    @Inject
    Clock clock;

    /**
     * Makes the policies of origin {@code file} those of the directory: new and changed ones written, those whose
     * file is gone removed. A file takes over an id the API installed. True when anything changed.
     */
    @Transactional
    public boolean importFiles(List<Document> files) {
        int changed = 0;
        for (Document file : files) {
            changed += upsert(file, StoredPolicy.FILE, "");
        }
        List<String> ids = files.stream().map(Document::id).toList();
        changed += (int) (ids.isEmpty() ? StoredPolicy.delete("origin", StoredPolicy.FILE)
                : StoredPolicy.delete("origin = ?1 and id not in ?2", StoredPolicy.FILE, ids));
        if (changed > 0) {
            generations.bump(Generations.Kind.policies);
        }
        return changed > 0;
    }

    /**
     * Stores a policy posted over REST. An id a policy file holds is refused: the next import would put the
     * file's version back, so the file is the place to change it.
     */
    @Transactional
    public void install(Document posted) {
        // the guard on origin makes "refused because a file holds it" and "written" one atomic decision
        int written = upsert(posted, StoredPolicy.API, " and policy_document.origin = :api");
        if (written == 0) {
            StoredPolicy held = StoredPolicy.findById(posted.id());
            if (held != null && StoredPolicy.FILE.equals(held.origin)) {
                throw new PolicyException(List.of(new PolicyProblem(posted.source(), 1, 1, "policy id '" + posted.id()
                        + "' is already used by " + held.source + "; change that file instead")));
            }
            return; // the same text again: nothing to do
        }
        generations.bump(Generations.Kind.policies);
    }

    /** Every stored policy's text and where it comes from, in the caller's transaction. */
    public List<Document> stored() {
        return StoredPolicy.<StoredPolicy>listAll().stream().map(p -> new Document(p.id, p.source, p.yaml)).toList();
    }

    private int upsert(Document document, String origin, String guard) {
        var query = em.createNativeQuery(UPSERT + guard).setParameter("id", document.id())
                .setParameter("origin", origin).setParameter("source", document.source())
                .setParameter("yaml", document.yaml()).setParameter("at", clock.instant());
        if (!guard.isEmpty()) {
            query.setParameter("api", StoredPolicy.API);
        }
        return query.executeUpdate();
    }
}
