package dev.kexwatch.inventory;

import dev.kexwatch.fleet.Labels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The changeable part of a host: its labels and whether it is scanned. Address and port are its identity. */
public record HostUpdate(
        @NotNull @Size(max = Labels.MAX_PER_HOST, message = "at most " + Labels.MAX_PER_HOST + " labels per host") Map<@Pattern(regexp = "[a-z0-9][a-z0-9._/-]{0,62}", message = "label keys are lower-case letters, digits and ._/-") String, @Size(max = 200) @Pattern(regexp = "\\P{Cc}*", message = "label values hold no control characters") String> labels,
        @NotNull Boolean enabled) {
}
