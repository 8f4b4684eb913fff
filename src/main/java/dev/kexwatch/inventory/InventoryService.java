package dev.kexwatch.inventory;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.fleet.HostRelabelled;
import dev.kexwatch.fleet.Hosts;
import dev.kexwatch.fleet.InventoryChanged;
import dev.kexwatch.inventory.InventoryException.RowError;
import dev.kexwatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Keeps the inventory of hosts. */
@ApplicationScoped
public class InventoryService {

    private static final Logger LOG = Logger.getLogger(InventoryService.class);

    /** The formats an inventory document comes in. */
    public enum Format {
        YAML, CSV;

        /** By file name: {@code .csv} is CSV, anything else YAML. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : YAML;
        }
    }

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    InventoryConfig config;

    @Inject
    Event<InventoryChanged> changed;

    @Inject
    Event<HostRelabelled> relabelled;

    @Inject
    Hosts hosts;

    /** Adds a host; empty when a host with that address and port exists already. */
    @Transactional
    public Optional<Host> add(HostSpec spec) {
        if (hosts.findByAddress(spec.address(), spec.portOrDefault()).isPresent()) {
            return Optional.empty();
        }
        Host host = hosts.add(entry(spec), clock.instant());
        changed.fire(new InventoryChanged());
        return Optional.of(host);
    }

    /** Sets a host's labels and enabled flag; empty for an unknown host. */
    @Transactional
    public Optional<Host> update(long id, Map<String, String> labels, boolean enabled) {
        return hosts.find(id).map(host -> {
            boolean relabel = !labels.equals(host.labels);
            host.labels = new HashMap<>(labels);
            host.enabled = enabled;
            if (relabel) {
                relabelled.fire(new HostRelabelled(id));
            }
            changed.fire(new InventoryChanged());
            return host;
        });
    }

    @Transactional
    public boolean remove(long id) {
        boolean removed = hosts.delete(id);
        changed.fire(new InventoryChanged());
        return removed;
    }

    /** A page of hosts carrying every label of the selector, in id order. */
    @Transactional
    public Page<Host> list(Map<String, String> selector, int page, int size) {
        List<Host> matching = hosts.withLabels(selector, page, size);
        return new Page<>(matching, page, size, hosts.countWithLabels(selector));
    }

    public Optional<Host> find(long id) {
        return hosts.find(id);
    }

    /** Imports an inventory file (CSV by its {@code .csv} name, else YAML). */
    public ImportReport importFile(Path file) {
        try {
            ImportReport report = importText(Files.readString(file), Format.of(file), file.toString());
            LOG.infof("Imported %s: %d hosts added, %d updated", file, report.added(), report.updated());
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read inventory " + file, e);
        }
    }

    /**
     * Imports an inventory document: new hosts are added, known ones get the document's labels and enabled
     * flag. All or nothing: a document with any bad entry changes nothing, and every bad entry is reported.
     */
    @Transactional
    public ImportReport importText(String text, Format format, String name) {
        InventoryFile.Parsed parsed = format == Format.CSV ? InventoryCsv.parse(text, name)
                : InventoryFile.parse(text, name);
        List<HostSpec> specs = validated(parsed.entries(), parsed.errors());
        Hosts.Written written = hosts.upsert(specs.stream().map(InventoryService::entry).toList(), clock.instant());
        ImportReport report = new ImportReport(written.added(), written.updated());
        changed.fire(new InventoryChanged());
        return report;
    }

    /**
     * Checks every entry and expands CIDR blocks; throws with all errors found, the parser's among them, so a
     * document's problems come in one answer. A host given twice (also through overlapping blocks) is an error.
     */
    private List<HostSpec> validated(List<InventoryEntry> entries, List<RowError> parseErrors) {
        checkSize(entries);
        List<RowError> errors = new ArrayList<>(parseErrors);
        Map<String, HostSpec> specs = new LinkedHashMap<>();
        Map<String, String> firstSeen = new HashMap<>();
        for (InventoryEntry entry : entries) {
            if (entry.spec() == null) {
                errors.add(entry.error("", "empty entry"));
                continue;
            }
            Set<ConstraintViolation<HostSpec>> violations = validator.validate(entry.spec());
            for (ConstraintViolation<HostSpec> v : violations) {
                errors.add(entry.error(v.getPropertyPath().toString(), v.getMessage()));
            }
            if (violations.isEmpty()) {
                duplicates(entry, expand(entry, errors), firstSeen, errors).forEach(s -> specs.put(key(s), s));
            }
        }
        if (!errors.isEmpty()) {
            throw new InventoryException(errors);
        }
        return List.copyOf(specs.values());
    }

    /** The entry's hosts; those an earlier entry already gave are reported once for the entry, naming one of them. */
    private static List<HostSpec> duplicates(InventoryEntry entry, List<HostSpec> hosts, Map<String, String> firstSeen,
            List<RowError> errors) {
        List<HostSpec> repeated = hosts.stream().filter(h -> firstSeen.containsKey(key(h))).toList();
        if (!repeated.isEmpty()) {
            HostSpec one = repeated.get(0);
            errors.add(entry.error("address", one.address() + " port " + one.portOrDefault()
                    + (repeated.size() > 1 ? " and " + (repeated.size() - 1) + " more host(s)" : "")
                    + " already given at " + firstSeen.get(key(one))));
        }
        hosts.forEach(h -> firstSeen.putIfAbsent(key(h), entry.where().replaceFirst("^.*?: ", "")));
        return hosts;
    }

    private static String key(HostSpec spec) {
        return spec.address() + " " + spec.portOrDefault();
    }

    /**
     * Counts the addresses the document stands for before any is made, and refuses one over the cap. A block over
     * the per-entry cap is not counted: it is an error of its own row, reported with the document's other problems.
     */
    private void checkSize(List<InventoryEntry> entries) {
        long total = 0;
        for (InventoryEntry entry : entries) {
            if (entry.spec() != null && entry.spec().address() != null) {
                long block = AddressBlock.count(entry.spec().address());
                total += block > config.maxRange() ? 0 : block;
            }
        }
        if (total > config.maxHosts()) {
            String where = entries.get(0).where().replaceFirst(":.*", "");
            throw new InventoryException(List.of(new RowError(where, "hosts", "the document stands for " + total
                    + " addresses, more than the cap of " + config.maxHosts() + " (kexwatch.inventory.max-hosts)")));
        }
    }

    private List<HostSpec> expand(InventoryEntry entry, List<RowError> errors) {
        HostSpec spec = entry.spec();
        try {
            return AddressBlock.expand(spec.address(), config.maxRange())
                    .map(addresses -> addresses.stream()
                            .map(a -> new HostSpec(a, spec.port(), spec.labels(), spec.enabled())).toList())
                    .orElse(List.of(spec));
        } catch (IllegalArgumentException e) {
            errors.add(entry.error("address", e.getMessage()));
            return List.of();
        }
    }

    private static Hosts.Entry entry(HostSpec spec) {
        return new Hosts.Entry(spec.address(), spec.portOrDefault(), spec.labelsOrEmpty(), spec.enabledOrDefault());
    }
}
