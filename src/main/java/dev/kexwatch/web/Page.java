package dev.kexwatch.web;

import java.util.List;

/** One page of a longer list: {@code total} counts all items that match the filters. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
