package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.ServerOffer;

/** One host of the fleet with its latest captured offer. */
public record HostOffer(String hostId, ServerOffer offer) {
}
