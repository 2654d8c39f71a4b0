package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/** What a platform list is narrowed to; empty sets and nulls mean "any". */
public record PlatformFilter(
        Set<PlatformType> types,
        Set<PlatformLevel> levels,
        Set<PlatformStatus> statuses,
        String region,
        String field,
        UUID host,
        LocalDate accreditedFrom,
        LocalDate accreditedTo,
        OffsetDateTime changedSince,
        String q) {}
