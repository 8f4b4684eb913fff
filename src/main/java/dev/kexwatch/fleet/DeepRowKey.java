package dev.kexwatch.fleet;

import java.io.Serializable;
import java.util.Objects;

/** The key of a deep result's child rows: the result and the row's place in it. */
public class DeepRowKey implements Serializable {

    public Long deepResultId;
    public Integer ordinal;

    @Override
    public boolean equals(Object other) {
        return other instanceof DeepRowKey key && Objects.equals(deepResultId, key.deepResultId)
                && Objects.equals(ordinal, key.ordinal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deepResultId, ordinal);
    }
}
