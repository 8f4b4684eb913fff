package dev.kexwatch.inventory;

import dev.kexwatch.fleet.Labels;
import dev.kexwatch.security.AllowedScanTarget;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A host as users write it: in inventory files and REST bodies. The address is a DNS name, an IPv4 or IPv6
 * address, or (in imports) a CIDR block that stands for each of its addresses. Port defaults to 22, labels
 * to none, enabled to true.
 */
public record HostSpec(
        @NotBlank @Size(max = 253) @AllowedScanTarget @Pattern(regexp = "[A-Za-z0-9.:\\-%_/]+", message = "must be a DNS name, an IP address or a CIDR block") String address,
        @Min(1) @Max(65535) Integer port,
        @Size(max = Labels.MAX_PER_HOST, message = "at most " + Labels.MAX_PER_HOST + " labels per host") Map<@Pattern(regexp = "[a-z0-9][a-z0-9._/-]{0,62}", message = "label keys are lower-case letters, digits and ._/-") String, @Size(max = 200) @Pattern(regexp = "\\P{Cc}*", message = "label values hold no control characters") String> labels,
        Boolean enabled) {

    public int portOrDefault() {
        return port == null ? 22 : port;
    }

    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
