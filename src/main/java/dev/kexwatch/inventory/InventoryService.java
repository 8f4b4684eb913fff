package dev.kexwatch.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Keeps the inventory of hosts. */
@ApplicationScoped
public class InventoryService {

    private static final Logger LOG = Logger.getLogger(InventoryService.class);

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    /** Adds a host; empty when a host with that address and port exists already. */
    @Transactional
    public Optional<Host> add(HostSpec spec) {
        if (Host.findByAddress(spec.address(), spec.portOrDefault()).isPresent()) {
            return Optional.empty();
        }
        Host host = new Host();
        host.address = spec.address();
        host.port = spec.portOrDefault();
        host.labels = new HashMap<>(spec.labelsOrEmpty());
        host.enabled = spec.enabledOrDefault();
        host.createdAt = clock.instant();
        host.persist();
        return Optional.of(host);
    }

    @Transactional
    public boolean remove(long id) {
        return Host.deleteById(id);
    }

    public List<Host> list() {
        return Host.list("order by id");
    }

    public Optional<Host> find(long id) {
        return Host.findByIdOptional(id);
    }

    /**
     * Imports a YAML inventory: new hosts are added, known ones get the file's labels and enabled flag. All
     * or nothing: a file with a bad entry changes nothing.
     */
    @Transactional
    public int importFile(Path file) {
        List<HostSpec> specs = InventoryFile.read(file, validator);
        for (HostSpec spec : specs) {
            Host.findByAddress(spec.address(), spec.portOrDefault()).ifPresentOrElse(known -> {
                known.labels = new HashMap<>(spec.labelsOrEmpty());
                known.enabled = spec.enabledOrDefault();
            }, () -> add(spec));
        }
        LOG.infof("Imported %d hosts from %s", specs.size(), file);
        return specs.size();
    }
}
