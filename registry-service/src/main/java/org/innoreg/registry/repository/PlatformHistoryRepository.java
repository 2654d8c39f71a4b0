package org.innoreg.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.innoreg.registry.domain.PlatformHistoryEntry;

@ApplicationScoped
public class PlatformHistoryRepository implements PanacheRepository<PlatformHistoryEntry> {

    /**
     * Oldest first. Steps of one day are in the order they were recorded: ids come from two
     * allocators (Hibernate's blocks of 50 and an import's inserts), so they tell uniqueness, not
     * order.
     */
    public List<PlatformHistoryEntry> of(UUID platformId) {
        return list("platformId", Sort.by("effectiveOn").and("recordedAt").and("id"), platformId);
    }

    /** The histories of many platforms, each oldest first (in the order of {@link #of}). */
    public List<PlatformHistoryEntry> ofAll(List<UUID> platformIds) {
        return platformIds.isEmpty()
                ? List.of()
                : list(
                        "platformId in ?1",
                        Sort.by("platformId").and("effectiveOn").and("recordedAt").and("id"),
                        platformIds);
    }

    public Optional<LocalDate> latestEffectiveDate(UUID platformId) {
        return find(
                        "select max(effectiveOn) from PlatformHistoryEntry where platformId = ?1",
                        platformId)
                .project(LocalDate.class)
                .firstResultOptional();
    }
}
