package org.innoreg.chassis.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items, and the link to the next page when there is one. Every list
 * endpoint of the suite answers with this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Page")
public record Page<T>(
        List<T> items,
        @Schema(description = "Total number of matching items, where counted") Long total,
        @Schema(description = "Link to the next page; absent on the last page") String next) {

    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, (long) items.size(), null);
    }
}
